// pl_grade: one grade (core/color/grade.h), working space (linear Rec.709) in and out. The CPU
// reference is core/color/grade_cpu.cpp (every formula is documented there); the uniforms come
// from core/color/grade_uniforms.cpp. Assembled after #version (and the PL_LOOK define when a look
// LUT is set: the OCIO function `vec4 pl_look(in vec4)` is appended after this file).
uniform vec3 u_wbGains;         // white balance gains, linear light
uniform float u_exposure;       // 2^stops
uniform vec2 u_contrast;        // (contrast, pivot)
uniform vec3 u_lift;            // per channel, master added
uniform vec3 u_invGamma;        // 1 / (gamma * master gamma)
uniform vec3 u_gain;            // gain * master gain
uniform vec3 u_offset;          // offset + master offset
uniform float u_saturation;     // 0..4
uniform vec4 u_tonal;           // (shadows, midtones, highlights, -)
uniform float u_curvesOn;       // 1 when the curves are not identity
uniform sampler2D u_curves;     // 1024 x 1 RGBA32F curves table
uniform vec4 u_splitShadow;     // (zero-luma hue direction, amount)
uniform vec4 u_splitHighlight;  // (zero-luma hue direction, amount)
uniform float u_splitPoint2;    // 2 * split point
uniform float u_lutMix;         // 0..1

#ifdef PL_LOOK
vec4 pl_look(in vec4 inPixel);
#endif

const vec3 PL_LUMA = vec3(0.2126, 0.7152, 0.0722);

vec3 pl_encodeGrading(vec3 x) { return sign(x) * pow(abs(x), vec3(1.0 / 2.4)); }
vec3 pl_decodeGrading(vec3 x) { return sign(x) * pow(abs(x), vec3(2.4)); }
float pl_luma(vec3 c) { return PL_LUMA.r * c.r + PL_LUMA.g * c.g + PL_LUMA.b * c.b; }
float pl_smoothstep(float e0, float e1, float x) {
  float t = clamp((x - e0) / (e1 - e0), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

float pl_gradeContrast(float x) {
  return x > 0.0 ? u_contrast.y * pow(x / u_contrast.y, u_contrast.x) : x;
}

float pl_gradePrimary(float x, int c) {
  float y = u_gain[c] * (x + u_lift[c] * (1.0 - x));
  if (y > 0.0) y = pow(y, u_invGamma[c]);
  return y + u_offset[c];
}

float pl_curveLookup(float x, int c) {
  float xc = clamp(x, 0.0, 1.0);
  float t = xc * 1023.0;
  int i0 = min(int(t), 1022);
  float f = t - float(i0);
  float a = texelFetch(u_curves, ivec2(i0, 0), 0)[c];
  float b = texelFetch(u_curves, ivec2(i0 + 1, 0), 0)[c];
  return a + (b - a) * f + (x - xc);
}

vec3 pl_gradeTonal(vec3 c) {
  float y = clamp(pl_luma(c), 0.0, 1.0);
  float ws = 1.0 - pl_smoothstep(0.0, 0.5, y);
  float wh = pl_smoothstep(0.5, 1.0, y);
  float wm = 1.0 - ws - wh;
  float d = 0.25 * (u_tonal.x * ws + u_tonal.y * wm + u_tonal.z * wh);
  return c + vec3(d);
}

vec3 pl_gradeSplit(vec3 c) {
  float y = clamp(pl_luma(c), 0.0, 1.0);
  float ws = 1.0 - pl_smoothstep(0.0, u_splitPoint2, y);
  float wh = pl_smoothstep(u_splitPoint2 - 1.0, 1.0, y);
  float as = 0.3 * u_splitShadow.w * ws;
  float ah = 0.3 * u_splitHighlight.w * wh;
  return c + as * u_splitShadow.rgb + ah * u_splitHighlight.rgb;
}

// Sections are compiled in by PL_G_* defines (color::gradeDefines): all of them for the
// interactive viewer, only the non-identity ones for renders; a section left out is the identity.
vec3 pl_grade(vec3 working) {
  vec3 x = working;
#ifdef PL_G_LINEAR
  x = x * u_wbGains * u_exposure;
#endif
#ifdef PL_G_CONTRAST
  x = vec3(pl_gradeContrast(x.r), pl_gradeContrast(x.g), pl_gradeContrast(x.b));
#endif
#if defined(PL_G_GRADING) || defined(PL_LOOK)
  vec3 c = pl_encodeGrading(x);
#ifdef PL_G_PRIMARIES
  c = vec3(pl_gradePrimary(c.r, 0), pl_gradePrimary(c.g, 1), pl_gradePrimary(c.b, 2));
#endif
#ifdef PL_G_SATURATION
  float y = pl_luma(c);
  c = vec3(y) + u_saturation * (c - vec3(y));
#endif
#ifdef PL_G_TONAL
  c = pl_gradeTonal(c);
#endif
#ifdef PL_G_CURVES
  if (u_curvesOn > 0.5) c = vec3(pl_curveLookup(c.r, 0), pl_curveLookup(c.g, 1), pl_curveLookup(c.b, 2));
#endif
#ifdef PL_G_SPLIT
  c = pl_gradeSplit(c);
#endif
#ifdef PL_LOOK
  vec3 looked = pl_look(vec4(c, 1.0)).rgb;
  c = c + (looked - c) * u_lutMix;
#endif
  x = pl_decodeGrading(c);
#endif
  return x;
}
