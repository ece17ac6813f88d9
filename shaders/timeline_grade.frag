// The timeline grade alone (working space in and out), used when halation needs the graded
// picture before the film pass. Assembled after: #version, pl_grade.
in vec2 v_uv;
out vec4 o_color;
uniform sampler2D u_composite;
void main() { o_color = vec4(pl_grade(texture(u_composite, v_uv).rgb), 1.0); }
