// Halation, pass 1: the working picture averaged over 2x2 pixels (one linear-filtered fetch
// between four texels, exact weights 1/2), highlights above u_threshold (grading space, per
// channel) extracted from each, the four 2x2 results of a 4x4 block averaged into the
// quarter-resolution target. `u_src` must be linear-filtered and clamp-to-edge.
// CPU reference: core/color/film_cpu.cpp extractQuarter. Assembled after: #version.
out vec4 o_color;
uniform sampler2D u_src;     // working space, full resolution
uniform float u_threshold;   // 0..1 grading space

vec3 pl_extract(vec2 texel, vec2 inv) {
  vec3 w = texture(u_src, texel * inv).rgb;
  vec3 code = sign(w) * pow(abs(w), vec3(1.0 / 2.4));
  return max(code - vec3(u_threshold), vec3(0.0));
}

void main() {
  vec2 inv = 1.0 / vec2(textureSize(u_src, 0));
  vec2 base = 4.0 * floor(gl_FragCoord.xy);
  vec3 a = pl_extract(base + vec2(1.0, 1.0), inv);
  vec3 b = pl_extract(base + vec2(3.0, 1.0), inv);
  vec3 c = pl_extract(base + vec2(1.0, 3.0), inv);
  vec3 d = pl_extract(base + vec2(3.0, 3.0), inv);
  o_color = vec4((a + b + c + d) * 0.25, 1.0);
}
