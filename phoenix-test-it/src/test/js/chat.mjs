// The chat app driven by the official `phoenix` JavaScript client, as a browser would:
//
//   node chat.mjs <baseUrl>
//
// ada and bob fetch tokens over HTTP, connect, join room:lobby, see each other with Presence,
// ping (reply), send new_msg (broadcast to both); a forged token is refused and room:private is
// refused. Prints one JSON line {"ok":true,...} and exits 0, or {"ok":false,...} and exits 1.
// Node 20 has no global WebSocket, so the transport is the `ws` package's class.

import {Presence, Socket} from "phoenix"
import WebSocket from "ws"

const [baseUrl] = process.argv.slice(2)
const trace = []
const finish = (result, code) => { console.log(JSON.stringify(result)); process.exit(code) }
setTimeout(() => finish({ok: false, reason: "timeout", trace}, 1), 20000)

async function token(user){
  const res = await fetch(`${baseUrl}/api/token?user=${encodeURIComponent(user)}`)
  return (await res.json()).token
}

function socketFor(tokenValue){
  return new Socket(baseUrl.replace(/^http/, "ws") + "/socket", {
    transport: WebSocket, params: {token: tokenValue}, reconnectAfterMs: () => 60000,
  })
}

function join(channel){
  return new Promise((resolve, reject) => channel.join()
    .receive("ok", resolve).receive("error", reject).receive("timeout", () => reject(new Error("join timeout"))))
}

function push(channel, event, payload){
  return new Promise((resolve, reject) => channel.push(event, payload)
    .receive("ok", resolve).receive("error", reject).receive("timeout", () => reject(new Error(event + " timeout"))))
}

async function until(what, check){
  const deadline = Date.now() + 8000
  while(Date.now() < deadline){
    if(check()) return
    await new Promise(r => setTimeout(r, 20))
  }
  throw new Error("not reached: " + what)
}

async function client(user){
  const socket = socketFor(await token(user))
  socket.connect()
  const channel = socket.channel("room:lobby", {})
  const presence = new Presence(channel)
  const messages = []
  channel.on("new_msg", m => messages.push(m))
  await join(channel)
  trace.push(user + " joined")
  return {user, socket, channel, presence, messages, online: () => presence.list(id => id).sort()}
}

try {
  const ada = await client("ada")
  const bob = await client("bob")
  await until("both see both", () => ada.online().join() === "ada,bob" && bob.online().join() === "ada,bob")

  const pong = await push(ada.channel, "ping", {hello: "there"})
  bob.channel.push("new_msg", {body: "hi all"})   // no reply: the channel broadcasts it
  await until("both got the message", () => ada.messages.length === 1 && bob.messages.length === 1)

  const refused = await new Promise(resolve => {
    const forged = socketFor("forged")
    forged.onError(() => { forged.disconnect(); resolve(true) })
    forged.connect()
  })

  const secret = ada.socket.channel("room:private", {})
  const privateReason = await join(secret).then(() => "joined", r => r.reason)

  bob.socket.disconnect()
  await until("bob left", () => ada.online().join() === "ada")

  finish({ok: true, pong, message: ada.messages[0], forgedRefused: refused, privateReason, onlineAfter: ada.online()}, 0)
} catch (e) {
  finish({ok: false, reason: String(e && e.message || e), trace}, 1)
}
