// After the nine invocations (invoker.properties): what each generator wrote, that the generated
// project built with all its tests passing, the digest's output and the route table phoenix:routes printed.
import java.nio.file.Files
import java.security.KeyStore

File hello = new File(basedir, 'hello')
String log = new File(basedir, 'build.log').getText('UTF-8')
File app = new File(hello, 'src/main/java/com/example/hello')

// Each generator's files, named as it created them (mix's "* creating").
['GuestSocket', 'LobbyChannel', 'OnlineChannel', 'accounts/Accounts', 'accounts/User', 'UserController', 'UserJSON',
 'blog/Blog', 'blog/Post', 'PostController', 'PostHTML', 'catalog/Catalog', 'catalog/Product', 'ProductLive', 'ProductShowLive'].each {
    File source = new File(app, it + '.java')
    assert source.isFile(): "no ${source}"
    assert log.contains('* creating src/main/java/com/example/hello/' + it + '.java'): "not listed: ${it}"
}
// gen.html: Phoenix 1.7's PostHTML templates (HEEx on the core components), in the phx.new app's Layouts.
File postHtml = new File(hello, 'src/main/resources/com/example/hello/post_html')
['index', 'show', 'new', 'edit', 'post_form'].each {
    assert new File(postHtml, it + '.html.heex').isFile(): it
    assert log.contains('* creating src/main/resources/com/example/hello/post_html/' + it + '.html.heex'): "not listed: ${it}"
}
assert new File(postHtml, 'index.html.heex').getText('UTF-8').contains('<.table id="posts" rows={@posts}>')
assert new File(app, 'PostController.java').getText('UTF-8').contains('@PhoenixController(html = PostHTML.class, layout = Layouts.class)')
assert !new File(hello, 'src/main/resources/templates').exists() && !new File(hello, 'pom.xml').getText('UTF-8').contains('thymeleaf')
assert new File(hello, 'src/main/resources/com/example/hello/ProductLive.html.heex').isFile()

// The lines the generators printed, pasted where they said (Paste.java).
String router = new File(app, 'AppRouter.java').getText('UTF-8')
assert router.contains('UserController.class') && router.contains('PostController.class') && router.contains('ProductLive.class')
assert new File(app, 'UserSocket.java').getText('UTF-8').contains('routes.channel("lobby:*", LobbyChannel.class);')

// gen.cert: a PKCS12 keystore that opens with the password it printed once.
def password = (log =~ /spring\.ssl\.bundle\.jks\.dev\.keystore\.password=(\S+)/)
assert password.find(): 'gen.cert printed no password'
KeyStore keystore = KeyStore.getInstance('PKCS12')
new File(hello, 'priv/cert/selfsigned.p12').withInputStream { keystore.load(it, password.group(1).toCharArray()) }
assert keystore.isKeyEntry('selfsigned')

// The build ran every test class, the generated ones and phx.new's, without a failure.
['GuestSocketTest', 'LobbyChannelTest', 'OnlineChannelTest', 'UserControllerTest', 'PostControllerTest', 'ProductLiveTest',
 'RoomChannelTest', 'TokenControllerTest', 'PageControllerTest', 'ErrorHTMLTest', 'live.CounterLiveTest'].each {
    File report = new File(hello, "target/surefire-reports/TEST-com.example.hello.${it}.xml")
    assert report.isFile(): "${it} did not run"
    String xml = report.getText('UTF-8')
    assert xml.contains('failures="0"') && xml.contains('errors="0"') && !xml.contains('tests="0"'): it
}

// phoenix:digest: digested and gzipped copies plus the manifest (serving them: phoenix-autoconfigure's DigestedStaticFilesOverHttpTest).
File statics = new File(hello, 'target/classes/static')
String manifest = new File(statics, 'cache_manifest.json').getText('UTF-8')
assert manifest.contains('"assets/app.js"') && manifest.contains('"assets/phoenix.min.js"')
assert new File(statics, 'assets').list().any { it ==~ /app-[0-9a-f]+\.js\.gz/ }

// phoenix:routes (the log after its mojo line): the compiled application's route table, the pasted routes in it.
int at = log.lastIndexOf(':routes (default-cli)')
assert at > 0: 'phoenix:routes did not run'
String table = log.substring(at)
['/api/token', '/api/users/:id', '/posts/:id/delete', '/posts/:id/edit', '/products/:id', '/counter'].each {
    assert table.contains(it): "phoenix:routes printed no ${it}"
}
assert table =~ /(?m)^\s*GET\s+\/api\/users\s/
true
