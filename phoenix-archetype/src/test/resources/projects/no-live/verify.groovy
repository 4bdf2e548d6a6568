// -Dlive=false: pages through the browser pipeline, no LiveView, no JS client to bundle.
// The generated project (maven-script-interpreter binds it as context.projectDir, older ones as projectDir).
File projectDir = binding.hasVariable('projectDir') ? binding.getVariable('projectDir') : context.projectDir

File app = new File(projectDir, 'src/main/java/com/example/pages')
assert new File(app, 'PageController.java').isFile()
assert !new File(app, 'live').exists()
assert !new File(projectDir, 'src/main/resources/com').exists()
assert !new File(projectDir, 'src/main/js').exists()
assert !new File(projectDir, 'pom.xml').text.contains('npm')
assert !new File(projectDir, 'target/classes/static/assets/phoenix_live_view.min.js').exists()
assert new File(projectDir, 'target/classes/static/assets/app.css').isFile()
true
