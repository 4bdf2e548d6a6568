// The demo over TLS (server.ssl), driven by the official `phoenix` JavaScript client.
//
//   node tls.mjs <https baseUrl> <websocket|longpoll> <1.0.0|2.0.0>
//
// The client trusts the test's self-signed certificate through NODE_EXTRA_CA_CERTS (certificate
// checks stay on). alice joins a room over wss:// or https:// long-poll, sees her presence, pings
// with a 200 KB payload, gets a message posted to the HTTP API, and (WebSocket V2) a binary reply;
// then leaves. Prints one JSON line {"ok":true,...} and exits 0, or {"ok":false,...} and exits 1.

import {LongPoll, Presence, Socket} from "phoenix"
import WebSocket from "ws"

const [baseUrl, transportName, vsn] = process.argv.slice(2)
const topic = "room:tls"
const started = Date.now()
const trace = []
const note = (what, data) => trace.push(`+${Date.now() - started}ms ${what}${data === undefined ? "" : " " + JSON.stringify(data).slice(0, 200)}`)
const finish = (result, code) => { console.log(JSON.stringify(result)); process.exit(code) }
setTimeout(() => finish({ok: false, reason: "timeout", trace}, 1), Number(process.env.SCENARIO_TIMEOUT_MS || 20000))

const await_ = (push) => new Promise((resolve, reject) =>
  push.receive("ok", resolve).receive("error", e => reject(new Error("error reply " + JSON.stringify(e))))
    .receive("timeout", () => reject(new Error("reply timeout"))))

async function main(){
  const res = await fetch(`${baseUrl}/api/token?user=alice`)
  const token = (await res.json()).token
  const opts = {transport: transportName === "longpoll" ? LongPoll : WebSocket, vsn, params: {token},
    logger: (kind, msg) => note(`${kind}: ${msg}`)}
  if(vsn === "1.0.0"){
    opts.encode = (msg, callback) => callback(JSON.stringify(msg))
    opts.decode = (raw, callback) => callback(JSON.parse(raw))
  }
  const socket = new Socket(baseUrl.replace(/^http/, "ws") + "/socket", opts)
  let closes = 0
  socket.onClose(() => { closes++ })
  socket.connect()
  const channel = socket.channel(topic, {})
  const presence = new Presence(channel)
  const messages = []
  channel.on("new_msg", msg => { messages.push(msg); note("new_msg", msg) })
  await await_(channel.join())
  note("joined")
  for(let i = 0; i < 100 && presence.list().length === 0; i++){ await new Promise(r => setTimeout(r, 50)) }
  const present = presence.list((id, {metas}) => `${id}:${metas.length}`)
  const big = "x".repeat(200 * 1024)
  const pong = await await_(channel.push("ping", {big}))
  if(pong.big !== big){ throw new Error("the 200 KB ping came back changed") }
  const post = await fetch(`${baseUrl}/api/rooms/tls/messages`, {method: "POST",
    headers: {"content-type": "application/json"}, body: JSON.stringify({body: "over TLS"})})
  if(post.status !== 202){ throw new Error(`POST answered ${post.status}`) }
  for(let i = 0; i < 100 && messages.length === 0; i++){ await new Promise(r => setTimeout(r, 50)) }
  let binary = null
  if(transportName === "websocket" && vsn === "2.0.0"){
    const reply = await await_(channel.push("binary", new Uint8Array([1, 2, 3]).buffer))
    binary = Array.from(new Uint8Array(reply))
  }
  await await_(channel.leave())
  // Closes before our own disconnect would be the TLS session breaking.
  const unexpectedCloses = closes
  socket.disconnect()
  finish({ok: messages.length === 1 && messages[0].body === "over TLS" && unexpectedCloses === 0,
    transport: transportName, vsn, present, messages, binary, unexpectedCloses,
    trace: messages.length === 1 ? undefined : trace}, 0)
}

main().catch(e => finish({ok: false, reason: String(e && e.stack || e), trace}, 1))
