#version 400 core
// One triangle that covers the whole target; v_uv runs 0..1 across it (y = 0 at the bottom row).
out vec2 v_uv;
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  v_uv = p;
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
