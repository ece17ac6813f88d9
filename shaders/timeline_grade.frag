// The timeline grade alone (working space in and out), used when halation needs the graded
// picture before the film pass. Assembled after: #version, pl_grade.
out vec4 o_color;
uniform sampler2D u_composite;
void main() { o_color = vec4(pl_grade(texelFetch(u_composite, ivec2(gl_FragCoord.xy), 0).rgb), 1.0); }
