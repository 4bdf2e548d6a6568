// After the build (mvn verify, tests included): what phx.new's defaults make, and the generated secret.
import java.nio.file.Files

// The generated project (maven-script-interpreter binds it as context.projectDir, older ones as projectDir).
File projectDir = binding.hasVariable('projectDir') ? binding.getVariable('projectDir') : context.projectDir

File app = new File(projectDir, 'src/main/java/com/example/hello')
assert new File(app, 'live/CounterLive.java').isFile()
assert new File(projectDir, 'src/main/resources/com/example/hello/live/CounterLive.html.heex').isFile()
assert !new File(app, 'PageController.java').exists()
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
String readme = Files.readString(new File(projectDir, 'README.md').toPath())
assert readme.contains('## What is in it') && readme.contains('mvn spring-boot:run') && readme.contains('mvn test')
true
