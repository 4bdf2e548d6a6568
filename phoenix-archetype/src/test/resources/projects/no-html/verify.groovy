// -Dhtml=false: an API (router, socket, channel), no pages, no static files, no JS.
// The generated project (maven-script-interpreter binds it as context.projectDir, older ones as projectDir).
File projectDir = binding.hasVariable('projectDir') ? binding.getVariable('projectDir') : context.projectDir

File app = new File(projectDir, 'src/main/java/org/acme/api')
assert new File(app, 'AppRouter.java').isFile() && new File(app, 'UserSocket.java').isFile()
assert !new File(app, 'PageController.java').exists() && !new File(app, 'live').exists()
assert !new File(projectDir, 'src/main/resources/static').exists()
assert !new File(projectDir, 'src/main/js').exists()
assert !new File(app, 'AppRouter.java').text.contains('browser')
true
