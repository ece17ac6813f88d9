// A grade alone over a picture (tests, stills): working space in, working space out, alpha kept.
// Assembled after: #version, optional PL_LOOK, grade.glsl, the look function.
out vec4 o_color;
uniform sampler2D u_src;

void main() {
  vec4 c = texelFetch(u_src, ivec2(gl_FragCoord.xy), 0);
  o_color = vec4(pl_grade(c.rgb), c.a);
}
