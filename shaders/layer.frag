// One layer of the composite: a decoded picture placed by its transform, YUV -> R'G'B' from the
// stream's matrix/range/bit depth, the OCIO input transform (pl_input) to the working space,
// the clip's grade (pl_grade), premultiplied by alpha * opacity for an "over" blend.
// Assembled after: #version, PL_SOURCE_YUV or PL_SOURCE_RGBA, the pl_input and pl_grade sources.
in vec2 v_uv;
out vec4 o_color;

uniform mat3 u_transform;      // output (0..1, y down) -> source (0..1, y down)
uniform float u_opacity;       // 0..1
#ifdef PL_SOURCE_YUV
uniform sampler2D u_planeY;
uniform sampler2D u_planeU;
uniform sampler2D u_planeV;
uniform float u_maxCode;       // 255 for 8-bit storage, 65535 for 16-bit storage
uniform vec2 u_lumaRange;      // (offset, scale) in integer code values: Y' = (Y - offset) / scale
uniform vec2 u_chromaRange;    // (offset, scale): C = (C - offset) / scale
uniform vec2 u_krkb;           // the matrix's Kr, Kb (BT.709: 0.2126, 0.0722)
#else
uniform sampler2D u_rgba;      // straight alpha, code values
#endif

vec4 pl_sourceCode(vec2 src) {
#ifdef PL_SOURCE_YUV
  float y = (texture(u_planeY, src).r * u_maxCode - u_lumaRange.x) / u_lumaRange.y;
  float cb = (texture(u_planeU, src).r * u_maxCode - u_chromaRange.x) / u_chromaRange.y;
  float cr = (texture(u_planeV, src).r * u_maxCode - u_chromaRange.x) / u_chromaRange.y;
  float kr = u_krkb.x;
  float kb = u_krkb.y;
  float r = y + 2.0 * (1.0 - kr) * cr;
  float b = y + 2.0 * (1.0 - kb) * cb;
  float g = (y - kr * r - kb * b) / (1.0 - kr - kb);
  return vec4(r, g, b, 1.0);
#else
  return texture(u_rgba, src);
#endif
}

void main() {
  vec3 src = u_transform * vec3(v_uv.x, 1.0 - v_uv.y, 1.0);
  if (src.x < 0.0 || src.y < 0.0 || src.x > 1.0 || src.y > 1.0) {
    o_color = vec4(0.0);
    return;
  }
  vec4 code = pl_sourceCode(src.xy);
  vec3 working = pl_input(vec4(code.rgb, 1.0)).rgb;
  vec3 graded = pl_grade(working);
  float a = code.a * u_opacity;
  o_color = vec4(graded * a, a);
}
