// After the build (mvn verify, tests included): what phx.new's defaults make, and the generated secret.
import java.nio.file.Files

// The generated project (maven-script-interpreter binds it as context.projectDir, older ones as projectDir).
File projectDir = binding.hasVariable('projectDir') ? binding.getVariable('projectDir') : context.projectDir

File app = new File(projectDir, 'src/main/java/com/example/hello')
assert new File(app, 'live/CounterLive.java').isFile()
File templates = new File(projectDir, 'src/main/resources/com/example/hello')
assert new File(templates, 'live/CounterLive.html.heex').isFile()
assert !new File(templates, 'live/RootLayout.html.heex').exists()
// phx.new 1.7's web layer: Layouts, PageController + PageHTML, ErrorHTML, their HEEx templates beside them.
['Layouts', 'PageController', 'PageHTML', 'ErrorHTML'].each { assert new File(app, it + '.java').isFile(): it }
['layouts/root.html.heex', 'layouts/app.html.heex', 'page_html/home.html.heex', 'error_html/404.html.heex',
 'error_html/500.html.heex'].each { assert new File(templates, it).isFile(): it }
String root = new File(templates, 'layouts/root.html.heex').text
assert root.contains('content={get_csrf_token()}') && root.contains('~p"/assets/app.css"') && root.contains('~p"/assets/phoenix_live_view.min.js"')
assert new File(templates, 'page_html/home.html.heex').text.contains('~p"/counter"')
String layouts = new File(app, 'Layouts.java').text
assert layouts.contains('@EmbedTemplates("layouts")') && layouts.contains('@TemplateImports(CoreComponents.class)')
assert layouts.contains('live.rootLayout(ROOT).layout(APP)')
String router = new File(app, 'AppRouter.java').text
assert router.contains('Controller.putRootLayout(conn, Layouts.ROOT)') && router.contains('.get("/", PageController.class, "home")')
assert router.contains('.get("/counter", live.route(CounterLive.class))')
// The library's core components are imported, not copied.
assert !new File(app, 'CoreComponents.java').exists()
// The generated tests ran (HEEx pages, the error page, the LiveView on the layouts), none failed.
['PageControllerTest', 'ErrorHTMLTest', 'live.CounterLiveTest', 'TokenControllerTest', 'RoomChannelTest'].each {
    File report = new File(projectDir, "target/surefire-reports/TEST-com.example.hello.${it}.xml")
    assert report.isFile(): "${it} did not run"
    String xml = report.text
    assert xml.contains('failures="0"') && xml.contains('errors="0"') && !xml.contains('tests="0"'): it
}
assert new File(projectDir, '.gitignore').isFile() && !new File(projectDir, 'gitignore').exists()
// The official clients, bundled by the build (npm ci, then copied).
['phoenix.min.js', 'phoenix_live_view.min.js', 'app.js'].each {
    assert new File(projectDir, 'target/classes/static/assets/' + it).isFile(): it
}
String yml = Files.readString(new File(projectDir, 'src/main/resources/application.yml').toPath())
def secret = (yml =~ /(?m)^    secret-key-base: ([A-Za-z0-9+\/]{64})$/)
assert secret.find(): 'no 64-character dev secret in application.yml'
assert yml.contains('secret-key-base: ${SECRET_KEY_BASE}')
assert yml.contains('port: ${PORT:4000}')
assert yml.contains('formats: [html, json]') && yml.contains('html: com.example.hello.ErrorHTML')
String readme = Files.readString(new File(projectDir, 'README.md').toPath())
assert readme.contains('## What is in it') && readme.contains('mvn spring-boot:run') && readme.contains('mvn test')
true
