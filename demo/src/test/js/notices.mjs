// The demo's notices on two instances over one Redis, driven by the official `phoenix` client.
//
//   node notices.mjs <urlA> <urlB>
//
// carol has two tabs (two sockets) on A in room:notices; erin (on A) and dave (on B) listen on
// notices:lobby, and dave is in the room too. A direct notice posted to B reaches both of carol's
// tabs on A, and nobody else. carol closes one tab: no notice; she closes the last one: "carol went
// offline" reaches erin on A and dave on B exactly once each (each node's PresenceHandler
// broadcasts to its own subscribers). Then dave's last room tab on B leaves: erin on A hears it.
// Prints one JSON line {"ok":true,...} and exits 0, or {"ok":false,"reason":...,"trace":[...]} and
// exits 1. A guard timer bounds the run. Node 20 has no global WebSocket: the `ws` package's class.

import {Presence, Socket} from "phoenix"
import WebSocket from "ws"

const [urlA, urlB] = process.argv.slice(2)
const room = "notices"
const started = Date.now()
const trace = []
const note = (who, what, data) => trace.push(`+${Date.now() - started}ms ${who} ${what}${data === undefined ? "" : " " + JSON.stringify(data)}`)
const finish = (result, code) => { console.log(JSON.stringify(result)); process.exit(code) }
setTimeout(() => finish({ok: false, reason: "timeout", trace}, 1), Number(process.env.SCENARIO_TIMEOUT_MS || 30000))

async function token(baseUrl, user){
  const res = await fetch(`${baseUrl}/api/token?user=${encodeURIComponent(user)}`)
  return (await res.json()).token
}

async function post(baseUrl, path, body){
  const res = await fetch(`${baseUrl}${path}`, {method: "POST", headers: {"content-type": "application/json"},
    body: JSON.stringify(body)})
  if(res.status !== 202){ throw new Error(`POST ${path} answered ${res.status}`) }
}

function joined(channel){
  return new Promise((resolve, reject) => channel.join().receive("ok", resolve).receive("error", reject))
}

// One tab: a socket, optionally in the room (with Presence) and on notices:lobby, recording what it hears.
async function tab(label, user, baseUrl, {inRoom, listens}){
  const socket = new Socket(baseUrl.replace(/^http/, "ws") + "/socket", {transport: WebSocket, params: {token: await token(baseUrl, user)}})
  const t = {label, socket, notices: [], offline: []}
  socket.connect()
  if(listens){
    t.lobby = socket.channel("notices:lobby", {})
    t.lobby.on("user_offline", (n) => { t.offline.push(`${n.user}@${n.room}`); note(label, "user_offline", n) })
    await joined(t.lobby)
  }
  if(inRoom){
    t.room = socket.channel(`room:${room}`, {})
    t.presence = new Presence(t.room)
    t.room.on("notice", (n) => { t.notices.push(n.body); note(label, "notice", n) })
    await joined(t.room)
  }
  note(label, "ready")
  return t
}

const metas = (t, user) => t.presence.list((id, {metas}) => id === user ? metas.length : 0).reduce((a, b) => a + b, 0)
const sleep = (ms) => new Promise(r => setTimeout(r, ms))

async function until(what, check, timeoutMs = 10000, detail = () => ""){
  const deadline = Date.now() + timeoutMs
  while(Date.now() < deadline){
    if(check()){ note("test", "ok: " + what); return }
    await sleep(20)
  }
  throw new Error("not observed in time: " + what + " " + detail())
}

try {
  const carol1 = await tab("carol-1", "carol", urlA, {inRoom: true})
  const carol2 = await tab("carol-2", "carol", urlA, {inRoom: true})
  const erin = await tab("erin", "erin", urlA, {listens: true})
  const dave = await tab("dave", "dave", urlB, {inRoom: true, listens: true})
  await until("dave on B sees carol's two tabs on A", () => metas(dave, "carol") === 2)

  // A direct notice posted to B reaches both of carol's tabs on A; one to dave shows he got only his.
  await post(urlB, "/api/users/carol/notices", {body: "posted to B"})
  await until("carol's two tabs on A get the notice posted to B",
    () => carol1.notices.includes("posted to B") && carol2.notices.includes("posted to B"))
  await post(urlA, "/api/users/dave/notices", {body: "for dave"})
  await until("dave on B gets his notice posted to A", () => dave.notices.length > 0)
  if(JSON.stringify(dave.notices) !== JSON.stringify(["for dave"])){ throw new Error(`dave heard ${JSON.stringify(dave.notices)}`) }

  // One of carol's two tabs closes: she is still there, nobody hears she went offline.
  carol1.socket.disconnect()
  await until("dave on B sees carol down to one tab", () => metas(dave, "carol") === 1)
  await sleep(300)
  if(erin.offline.length + dave.offline.length !== 0){ throw new Error("user_offline after one of two tabs closed") }

  // Her last tab closes: each node tells its own listeners, once.
  carol2.socket.disconnect()
  await until("erin on A hears carol went offline", () => erin.offline.includes("carol@notices"))
  await until("dave on B hears carol went offline", () => dave.offline.includes("carol@notices"))
  await sleep(300)
  const offline = {erin: [...erin.offline], dave: [...dave.offline]}
  if(offline.erin.length !== 1 || offline.dave.length !== 1){ throw new Error(`not exactly once: ${JSON.stringify(offline)}`) }

  // dave's last (only) room tab on B leaves: erin on A hears it (and dave's own listener on B).
  await new Promise((resolve, reject) => dave.room.leave().receive("ok", resolve).receive("error", reject))
  await until("erin on A hears dave (on B) went offline", () => erin.offline.includes("dave@notices"))
  await until("dave's listener on B hears it too", () => dave.offline.includes("dave@notices"))
  finish({ok: true, observed: {offline: {erin: erin.offline, dave: dave.offline}, notices: {carol: carol1.notices, dave: dave.notices}}, trace}, 0)
} catch (e) {
  finish({ok: false, reason: String(e && e.stack || e), trace}, 1)
}
