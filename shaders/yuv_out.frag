// Output code values (R'G'B') -> 8-bit Y'CbCr planes for the encoder, BT.709 or BT.2020 matrix,
// limited (tv) or full range. PL_PLANE_Y renders Y' at full size; otherwise Cb and Cr (red and
// green of an RG8 target) at half size, from the mean of each 2x2 block. The finish pass can write Y' itself (finish.frag, PL_LUMA_OUT).
out vec4 o_color;
uniform sampler2D u_rgb;
uniform vec2 u_krkb;
uniform vec2 u_lumaRange;      // (offset, scale) of 0..1 code values: 8-bit limited = (16, 219) / 255
uniform vec2 u_chromaRange;    // 8-bit limited = (128, 224) / 255
vec3 pl_rgbAt(ivec2 p) { return clamp(texelFetch(u_rgb, p, 0).rgb, 0.0, 1.0); }

void main() {
#ifdef PL_PLANE_Y
  vec3 c = pl_rgbAt(ivec2(gl_FragCoord.xy));
#else
  ivec2 p = 2 * ivec2(gl_FragCoord.xy);
  vec3 c = 0.25 * (pl_rgbAt(p) + pl_rgbAt(p + ivec2(1, 0)) + pl_rgbAt(p + ivec2(0, 1)) + pl_rgbAt(p + ivec2(1, 1)));
#endif
  float kr = u_krkb.x;
  float kb = u_krkb.y;
  float y = kr * c.r + (1.0 - kr - kb) * c.g + kb * c.b;
#ifdef PL_PLANE_Y
  o_color = vec4(u_lumaRange.x + u_lumaRange.y * y, 0.0, 0.0, 1.0);
#else
  float cb = (c.b - y) / (2.0 * (1.0 - kb));
  float cr = (c.r - y) / (2.0 * (1.0 - kr));
  o_color = vec4(u_chromaRange.x + u_chromaRange.y * cb, u_chromaRange.x + u_chromaRange.y * cr, 0.0, 1.0);
#endif
}
