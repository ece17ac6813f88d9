// Halation, passes 2 and 3: one direction of a separable Gaussian at quarter resolution, two
// texels per linear-filtered fetch (core/color/grade_math.h blurTaps), clamp-to-edge. `u_src` must
// be linear-filtered. CPU reference: core/color/film_cpu.cpp blur. Assembled after: #version.
out vec4 o_color;
uniform sampler2D u_src;
uniform vec2 u_dir;            // (1, 0) horizontal or (0, 1) vertical
uniform float u_taps;          // taps besides the centre, 0..16
uniform vec2 u_tap[17];        // (offset in texels, weight); u_tap[0] is the centre

void main() {
  vec2 inv = 1.0 / vec2(textureSize(u_src, 0));
  vec2 p = gl_FragCoord.xy;
  vec3 s = u_tap[0].y * texelFetch(u_src, ivec2(p), 0).rgb;
  int taps = int(u_taps + 0.5);
  for (int k = 1; k <= taps; ++k) {
    vec2 o = u_tap[k].x * u_dir;
    vec3 a = texture(u_src, (p - o) * inv).rgb;
    vec3 b = texture(u_src, (p + o) * inv).rgb;
    s += u_tap[k].y * (a + b);
  }
  o_color = vec4(s, 1.0);
}
