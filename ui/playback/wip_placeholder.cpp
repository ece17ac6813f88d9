// Temporary: removed when the folder has its first source file.
