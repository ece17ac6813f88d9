// The film look (core/color/grade.h FilmLook) as functions the timeline pass calls; the CPU
// reference is core/color/film_cpu.cpp (formulas documented there), the uniforms come from
// core/color/grade_uniforms.cpp filmUniforms(). Self-contained: may be assembled with or without
// grade.glsl. The halation glow itself is made by halation_extract.frag + halation_blur.frag.
uniform vec2 u_filmSize;          // output size in pixels
uniform float u_halationAmount;   // 0..1
uniform vec3 u_halationTint;      // glow colour (warmth)
uniform vec4 u_vignette;          // (amount, roundness, 1 - feather, aspect w/h)
uniform vec4 u_ceiling;           // (on, knee, ceiling, -)
uniform vec4 u_grain;             // (amount, size in pixels, luma weight, 24-bit seed)

float pl_film_smoothstep(float e0, float e1, float x) {
  float t = clamp((x - e0) / (e1 - e0), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

// Bilinear sample of the quarter-resolution glow at GL uv (y = 0 at the bottom), written out
// with texelFetch so it matches the CPU reference exactly (same as a linear-filtered texture()).
vec3 pl_film_glow(sampler2D glow, vec2 uvUp) {
  ivec2 size = textureSize(glow, 0);
  vec2 t = uvUp * vec2(size) - 0.5;
  vec2 f0 = floor(t);
  vec2 f = t - f0;
  ivec2 i0 = clamp(ivec2(f0), ivec2(0), size - 1);
  ivec2 i1 = clamp(ivec2(f0) + 1, ivec2(0), size - 1);
  vec3 a00 = texelFetch(glow, i0, 0).rgb;
  vec3 a10 = texelFetch(glow, ivec2(i1.x, i0.y), 0).rgb;
  vec3 a01 = texelFetch(glow, ivec2(i0.x, i1.y), 0).rgb;
  vec3 a11 = texelFetch(glow, i1, 0).rgb;
  vec3 a = a00 + (a10 - a00) * f.x;
  vec3 b = a01 + (a11 - a01) * f.x;
  return a + (b - a) * f.y;
}

// Halation add and vignette, working space. `uv` 0..1 with y = 0 at the top (pixel centre / size);
// `glow` the halation buffer sampled at this pixel (ignored when the amount is 0).
vec3 pl_film_working(vec3 working, vec2 uv, vec3 glow) {
  vec3 w = working + u_halationAmount * u_halationTint * glow;
#ifdef PL_F_VIGNETTE
  if (u_vignette.x > 0.0) {
    vec2 p = 2.0 * uv - 1.0;
    float dFrame = sqrt(p.x * p.x + p.y * p.y) / sqrt(2.0);
    float ax = p.x * u_vignette.w;
    float dCirc = sqrt(ax * ax + p.y * p.y) / sqrt(u_vignette.w * u_vignette.w + 1.0);
    float d = dFrame + (dCirc - dFrame) * u_vignette.y;
    w *= 1.0 - u_vignette.x * pl_film_smoothstep(u_vignette.z, 1.0, d);
  }
#endif
  return w;
}

uint pl_film_pcg(uint v) {
  uint state = v * 747796405u + 2891336453u;
  uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

float pl_film_lattice(int ix, int iy, uint seedHash) {
  uint h = pl_film_pcg(uint(ix) + pl_film_pcg(uint(iy) + seedHash));
  float u = float(h >> 8u) * (1.0 / 16777216.0);
  return (u * 2.0 - 1.0) * 1.7320508;
}

// Unit-variance value noise (core/color/grade_math.h grainNoise), pixel centres from the top-left.
float pl_film_grainNoise(vec2 pixelCoord) {
  vec2 q = (pixelCoord - 0.5) / u_grain.y;
  vec2 q0 = floor(q);
  ivec2 i = ivec2(q0);
  vec2 f = q - q0;
  uint s = pl_film_pcg(uint(u_grain.w));
  float top = pl_film_lattice(i.x, i.y, s);
  top = top + (pl_film_lattice(i.x + 1, i.y, s) - top) * f.x;
  float bottom = pl_film_lattice(i.x, i.y + 1, s);
  bottom = bottom + (pl_film_lattice(i.x + 1, i.y + 1, s) - bottom) * f.x;
  float v = top + (bottom - top) * f.y;
  vec2 g = (1.0 - f) * (1.0 - f) + f * f;
  return v / sqrt(g.x * g.y);
}

float pl_film_ceiling(float x) {
  float knee = u_ceiling.y;
  float r = u_ceiling.z - knee;
  if (x <= knee) return x;
  if (r < 1e-6) return min(x, u_ceiling.z);
  return knee + r * (1.0 - exp(-(x - knee) / r));
}

// Highlight ceiling then grain, grading space. `pixelCoord` = pixel centre from the top-left
// (x + 0.5, y + 0.5) in output pixels.
vec3 pl_film_grading(vec3 code, vec2 pixelCoord) {
  vec3 c = code;
#ifdef PL_F_CEILING
  if (u_ceiling.x > 0.5) c = vec3(pl_film_ceiling(c.r), pl_film_ceiling(c.g), pl_film_ceiling(c.b));
#endif
#ifdef PL_F_GRAIN
  if (u_grain.x > 0.0) {
    float y = clamp(0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b, 0.0, 1.0);
    float wgt = 1.0 + (4.0 * y * (1.0 - y) - 1.0) * u_grain.z;
    c += vec3(u_grain.x * wgt * pl_film_grainNoise(pixelCoord));
  }
#endif
  return c;
}
