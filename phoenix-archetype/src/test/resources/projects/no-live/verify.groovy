// -Dlive=false: pages through the browser pipeline, no LiveView, no JS client to bundle.
// The generated project (maven-script-interpreter binds it as context.projectDir, older ones as projectDir).
File projectDir = binding.hasVariable('projectDir') ? binding.getVariable('projectDir') : context.projectDir

File app = new File(projectDir, 'src/main/java/com/example/pages')
['PageController', 'PageHTML', 'Layouts', 'ErrorHTML'].each { assert new File(app, it + '.java').isFile(): it }
assert !new File(app, 'live').exists()
// The HEEx pages stay (phoenix-live-view comes with the starter); the LiveView's parts go.
File templates = new File(projectDir, 'src/main/resources/com/example/pages')
assert !new File(templates, 'live').exists()
String root = new File(templates, 'layouts/root.html.heex').text
assert root.contains('content={get_csrf_token()}') && root.contains('~p"/assets/app.css"') && !root.contains('<script')
String home = new File(templates, 'page_html/home.html.heex').text
assert home.contains('<.header>') && !home.contains('/counter')
assert new File(templates, 'error_html/404.html.heex').isFile()
String layouts = new File(app, 'Layouts.java').text
assert !layouts.contains('LiveRoutesCustomizer') && layouts.contains('@EmbedTemplates("layouts")')
String router = new File(app, 'AppRouter.java').text
assert router.contains('Controller.putRootLayout(conn, Layouts.ROOT)') && !router.contains('LiveRoutes')
assert new File(projectDir, 'src/main/resources/application.yml').text.contains('html: com.example.pages.ErrorHTML')
['PageControllerTest', 'ErrorHTMLTest', 'TokenControllerTest', 'RoomChannelTest'].each {
    File report = new File(projectDir, "target/surefire-reports/TEST-com.example.pages.${it}.xml")
    assert report.isFile(): "${it} did not run"
    String xml = report.text
    assert xml.contains('failures="0"') && xml.contains('errors="0"') && !xml.contains('tests="0"'): it
}
assert !new File(projectDir, 'src/main/js').exists()
assert !new File(projectDir, 'pom.xml').text.contains('npm')
assert !new File(projectDir, 'target/classes/static/assets/phoenix_live_view.min.js').exists()
assert new File(projectDir, 'target/classes/static/assets/app.css').isFile()
true
