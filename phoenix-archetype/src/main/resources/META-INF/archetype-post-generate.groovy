// mix phx.new's last steps, after the templates are written (a template cannot run code):
// 1. the dev secret: secretKeyBase=generate becomes 64 random characters, as phx.gen.secret makes them;
// 2. the options: live=false deletes the LiveView page and its JS client (and their tags in the HEEx templates,
//    which Velocity does not fill in: their braces are HEEx's), html=false every page (API only);
// 3. gitignore becomes .gitignore (a dot-file would not survive the archetype's own build);
// then, as mix does, what was made and how to run it.
import java.nio.file.Files
import java.nio.file.Path
import java.security.SecureRandom

Path root = Path.of(request.outputDirectory).resolve(request.artifactId)
Properties props = request.properties
boolean html = props.getProperty('html', 'true') == 'true'
boolean live = html && props.getProperty('live', 'true') == 'true'
String packageDir = request.getPackage().replace('.', '/')

Path yml = root.resolve('src/main/resources/application.yml')
if (props.getProperty('secretKeyBase', 'generate') == 'generate') {
    // Base64 of 48 random bytes is 64 characters, without padding; '+' and '/' are plain YAML.
    byte[] bytes = new byte[48]
    new SecureRandom().nextBytes(bytes)
    String secret = Base64.encoder.encodeToString(bytes)
    Files.writeString(yml, Files.readString(yml).replace('secret-key-base: generate', 'secret-key-base: ' + secret))
}

List<String> unwanted = []
String resources = 'src/main/resources/' + packageDir + '/'
if (!live) {
    unwanted += ['src/main/java/' + packageDir + '/live', 'src/test/java/' + packageDir + '/live',
                 resources + 'live', 'src/main/js', 'src/main/resources/static/assets/app.js']
    if (html) {
        // The root layout's script tags (the JS clients and app.js are not there) and the home page's counter link.
        Path layout = root.resolve(resources + 'layouts/root.html.heex')
        Files.writeString(layout, Files.readString(layout).replaceAll(/(?s)\n *<script[^>]*>\s*<\/script>/, ''))
        Path home = root.resolve(resources + 'page_html/home.html.heex')
        Files.writeString(home, Files.readString(home).readLines().findAll { !it.contains('~p"/counter"') }.join('\n') + '\n')
    }
}
if (!html) {
    unwanted += ['src/main/resources/static', resources + 'layouts', resources + 'page_html', resources + 'error_html']
    unwanted += ['Layouts', 'PageController', 'PageHTML', 'ErrorHTML'].collect { 'src/main/java/' + packageDir + '/' + it + '.java' }
    unwanted += ['PageControllerTest', 'ErrorHTMLTest'].collect { 'src/test/java/' + packageDir + '/' + it + '.java' }
}
unwanted.each { String relative ->
    Path path = root.resolve(relative)
    if (Files.exists(path)) {
        Files.isDirectory(path) ? path.toFile().deleteDir() : Files.delete(path)
    }
}
// Empty package folders the deletions left behind (src/main/resources/com/example/... when live=false).
['src/main/resources', 'src/test/resources'].each { String base ->
    File dir = root.resolve(base).toFile()
    if (dir.isDirectory()) {
        dir.listFiles().findAll { it.isDirectory() }.each { pruneEmpty(it) }
    }
}
Path gitignore = root.resolve('gitignore')
if (Files.exists(gitignore)) {
    Files.move(gitignore, root.resolve('.gitignore'))
}

println ''
root.toFile().eachFileRecurse { File f ->
    if (f.isFile()) {
        println '* creating ' + request.artifactId + '/' + root.relativize(f.toPath())
    }
}
println ''
println 'Your Phoenix application is ready: ' + request.artifactId + (live ? '' : html ? ' (no LiveView)' : ' (API only)')
println ''
println '    cd ' + request.artifactId
println '    mvn spring-boot:run     # http://localhost:4000'
println '    mvn test'
println ''
println 'In production set SECRET_KEY_BASE (mvn phoenix:gen.secret makes one) and SPRING_PROFILES_ACTIVE=prod.'

boolean pruneEmpty(File dir) {
    dir.listFiles().findAll { it.isDirectory() }.each { pruneEmpty(it) }
    if (dir.listFiles().length == 0) {
        return dir.delete()
    }
    return false
}
