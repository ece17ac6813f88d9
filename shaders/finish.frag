// The timeline pass: the composite (working space, premultiplied over black) through the
// timeline grade (pl_grade, when PL_TIMELINE_GRADE), the film look (pl_film_working with the
// halation glow, then pl_film_grading in grading space), and the OCIO output transform.
// Assembled after: #version, optional PL_TIMELINE_GRADE / PL_HALATION, pl_grade, film.glsl, pl_output.
layout(location = 0) out vec4 o_color;
#ifdef PL_LUMA_OUT
// The Y' plane of the encoder's 4:2:0 output, written in the same pass (see yuv_out.frag).
layout(location = 1) out vec4 o_luma;
uniform vec2 u_krkb;
uniform vec2 u_lumaRange;
#endif

uniform sampler2D u_composite;
#ifdef PL_HALATION
uniform sampler2D u_glow;
#endif

void main() {
  // Positions from gl_FragCoord (exact pixel centres; interpolated attributes are not exact).
  vec2 size = vec2(textureSize(u_composite, 0));
  vec3 w = texelFetch(u_composite, ivec2(gl_FragCoord.xy), 0).rgb;
#ifdef PL_TIMELINE_GRADE
  w = pl_grade(w);
#endif
  vec2 uvDown = vec2(gl_FragCoord.x, size.y - gl_FragCoord.y) / size;
#ifdef PL_HALATION
  vec3 glow = pl_film_glow(u_glow, gl_FragCoord.xy / size);
#else
  vec3 glow = vec3(0.0);
#endif
  w = pl_film_working(w, uvDown, glow);
#if defined(PL_F_CEILING) || defined(PL_F_GRAIN)
  vec3 code = sign(w) * pow(abs(w), vec3(1.0 / 2.4));
  code = pl_film_grading(code, vec2(gl_FragCoord.x, size.y - gl_FragCoord.y));
  w = sign(code) * pow(abs(code), vec3(2.4));
#endif
  vec3 outRgb = pl_output(vec4(w, 1.0)).rgb;
  o_color = vec4(outRgb, 1.0);
#ifdef PL_LUMA_OUT
  vec3 c = clamp(outRgb, 0.0, 1.0);
  float y = u_krkb.x * c.r + (1.0 - u_krkb.x - u_krkb.y) * c.g + u_krkb.y * c.b;
  o_luma = vec4(u_lumaRange.x + u_lumaRange.y * y, 0.0, 0.0, 1.0);
#endif
}
