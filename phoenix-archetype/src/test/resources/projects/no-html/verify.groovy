// -Dhtml=false: an API (router, socket, channel), no pages, no static files, no JS.
// The generated project (maven-script-interpreter binds it as context.projectDir, older ones as projectDir).
File projectDir = binding.hasVariable('projectDir') ? binding.getVariable('projectDir') : context.projectDir

File app = new File(projectDir, 'src/main/java/org/acme/api')
assert new File(app, 'AppRouter.java').isFile() && new File(app, 'UserSocket.java').isFile()
['PageController', 'PageHTML', 'Layouts', 'ErrorHTML'].each { assert !new File(app, it + '.java').exists(): it }
assert !new File(app, 'live').exists()
// No template at all, and errors stay JSON (render-errors' default).
assert !new File(projectDir, 'src/main/resources/org').exists()
assert !new File(projectDir, 'src/main/resources/application.yml').text.contains('render-errors')
assert !new File(projectDir, 'src/test/java/org/acme/api/PageControllerTest.java').exists()
assert !new File(projectDir, 'src/test/java/org/acme/api/ErrorHTMLTest.java').exists()
assert !new File(projectDir, 'src/main/resources/static').exists()
assert !new File(projectDir, 'src/main/js').exists()
assert !new File(app, 'AppRouter.java').text.contains('browser')
true
