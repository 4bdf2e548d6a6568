// The members-only socket driven by the official `phoenix` JavaScript client, as a signed-in
// browser would use it:
//
//   node members.mjs <baseUrl> <websocket|longpoll> <alice|anonymous|bad-csrf|no-cookie>
//
// Signs in with HTTP basic, loads /members/session (which sets the session cookie and hands out
// the CSRF token), then connects to /members/socket with the cookie, the credentials and the
// token as `_csrf_token`, and joins member:lobby. Prints one JSON line:
// {"ok":true,"joined":<join reply or null>,"refused":<bool>,"visit":<the page's visit id>}.

import {LongPoll, Socket} from "phoenix"
import WebSocket from "ws"

const [baseUrl, transportName, mode] = process.argv.slice(2)
const trace = []
const note = (what) => trace.push(what)
const finish = (result, code) => { console.log(JSON.stringify({...result, trace})); process.exit(code) }
setTimeout(() => finish({ok: false, reason: "timeout"}, 1), 20000)

const basic = (user) => "Basic " + Buffer.from(`${user}:${user}-password`).toString("base64")

async function main(){
  // The page load: only a signed-in user gets a session and a CSRF token.
  const signedIn = mode === "anonymous" ? {} : {authorization: basic("alice")}
  let cookie = ""
  let page = {csrf_token: "none", visit: null}
  if(mode !== "anonymous"){
    const res = await fetch(`${baseUrl}/members/session`, {headers: signedIn})
    if(res.status !== 200){ throw new Error(`/members/session answered ${res.status}`) }
    cookie = res.headers.getSetCookie().map(c => c.split(";")[0]).join("; ")
    page = await res.json()
  } else {
    const res = await fetch(`${baseUrl}/members/session`)
    note(`anonymous page load: ${res.status}`)
  }
  const headers = {...signedIn}
  if(cookie && mode !== "no-cookie"){ headers.cookie = cookie }
  const csrf = mode === "bad-csrf" ? page.csrf_token.split("").reverse().join("") : page.csrf_token

  // What a browser sends by itself (cookie, credentials), the client libraries cannot: for
  // WebSocket the `ws` class takes headers, for long-poll the client's fetch is wrapped.
  class BrowserWebSocket extends WebSocket {
    constructor(url, protocols){ super(url, protocols, {headers}) }
  }
  const fetch0 = globalThis.fetch
  globalThis.fetch = (url, options = {}) => fetch0(url, {...options, headers: {...(options.headers || {}), ...headers}})

  const socket = new Socket(baseUrl.replace(/^http/, "ws") + "/members/socket", {
    transport: transportName === "longpoll" ? LongPoll : BrowserWebSocket,
    params: {_csrf_token: csrf}, reconnectAfterMs: () => 60000, rejoinAfterMs: () => 60000,
    logger: (kind, msg) => note(`${kind}: ${msg}`),
  })
  let errors = 0
  socket.onError(() => { errors++ })
  socket.connect()
  const channel = socket.channel("member:lobby", {})
  const joined = await new Promise(resolve => {
    channel.join().receive("ok", resolve).receive("error", () => resolve(null))
    // A refused socket never opens: the join waits; the client reports the failed connect.
    const check = setInterval(() => { if(errors > 0){ clearInterval(check); setTimeout(() => resolve(null), 300) } }, 50)
  })
  socket.disconnect()
  finish({ok: true, joined, refused: joined === null && errors > 0, visit: page.visit}, 0)
}

main().catch(e => finish({ok: false, reason: String(e && e.stack || e)}, 1))
