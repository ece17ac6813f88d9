// The film look alone over a picture (tests, stills): working space in and out, alpha kept.
// Assembled after: #version, film.glsl.
out vec4 o_color;
uniform sampler2D u_src;
uniform sampler2D u_glow;      // quarter-resolution halation glow (bound when u_halationAmount > 0)

void main() {
  vec4 c = texelFetch(u_src, ivec2(gl_FragCoord.xy), 0);
  vec2 uvUp = gl_FragCoord.xy / u_filmSize;
  vec2 uvDown = vec2(uvUp.x, (u_filmSize.y - gl_FragCoord.y) / u_filmSize.y);
  vec3 glow = u_halationAmount > 0.0 ? texture(u_glow, uvUp).rgb : vec3(0.0);
  vec3 w = pl_film_working(c.rgb, uvDown, glow);
  vec3 code = sign(w) * pow(abs(w), vec3(1.0 / 2.4));
  code = pl_film_grading(code, vec2(gl_FragCoord.x, u_filmSize.y - gl_FragCoord.y));
  o_color = vec4(sign(code) * pow(abs(code), vec3(2.4)), c.a);
}
