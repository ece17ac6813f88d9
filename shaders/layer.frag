// One layer of the composite: a decoded picture placed by its transform, YUV -> R'G'B' from the
// stream's matrix/range/bit depth, the OCIO input transform (pl_input) to the working space,
// the clip's grade (pl_grade), premultiplied by alpha * opacity for an "over" blend.
// Assembled after: #version, PL_SOURCE_YUV or PL_SOURCE_RGBA, the pl_input and pl_grade sources.
out vec4 o_color;

uniform mat3 u_transform;      // output (0..1, y down) -> source (0..1, y down)
uniform vec2 u_outSize;        // output pixels (positions come from gl_FragCoord: exact pixel centres)
uniform float u_opacity;       // 0..1
uniform vec4 u_crop;           // the visible source rect (x0, y0, x1, y1), 0..1, y down
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

// A source sample. Where `uv` falls on a texel centre (1:1 placement: the usual case for the
// luma plane and for stills) the texel is read exactly: filtering hardware (and llvmpipe's
// 8-bit path) weighs neighbours with a few fractional bits, which a coordinate a hair off the
// centre turns into a visible leak across sharp edges.
vec4 pl_sample(sampler2D s, vec2 uv) {
  vec2 size = vec2(textureSize(s, 0));
  vec2 t = uv * size - 0.5;
  vec2 r = floor(t + 0.5);
  if (abs(t.x - r.x) < 1e-3 && abs(t.y - r.y) < 1e-3) {
    return texelFetch(s, ivec2(clamp(r, vec2(0.0), size - 1.0)), 0);
  }
  return texture(s, uv);
}

vec4 pl_sourceCode(vec2 src) {
#ifdef PL_SOURCE_YUV
  float y = (pl_sample(u_planeY, src).r * u_maxCode - u_lumaRange.x) / u_lumaRange.y;
  float cb = (pl_sample(u_planeU, src).r * u_maxCode - u_chromaRange.x) / u_chromaRange.y;
  float cr = (pl_sample(u_planeV, src).r * u_maxCode - u_chromaRange.x) / u_chromaRange.y;
  float kr = u_krkb.x;
  float kb = u_krkb.y;
  float r = y + 2.0 * (1.0 - kr) * cr;
  float b = y + 2.0 * (1.0 - kb) * cb;
  float g = (y - kr * r - kb * b) / (1.0 - kr - kb);
  return vec4(r, g, b, 1.0);
#else
  return pl_sample(u_rgba, src);
#endif
}

void main() {
  vec2 out01 = vec2(gl_FragCoord.x, u_outSize.y - gl_FragCoord.y) / u_outSize;
  vec3 src = u_transform * vec3(out01, 1.0);
  if (src.x < u_crop.x || src.y < u_crop.y || src.x > u_crop.z || src.y > u_crop.w) {
    o_color = vec4(0.0);
    return;
  }
  vec4 code = pl_sourceCode(src.xy);
  vec3 working = pl_input(vec4(code.rgb, 1.0)).rgb;
  vec3 graded = pl_grade(working);
  float a = code.a * u_opacity;
  o_color = vec4(graded * a, a);
}
