// End-to-end presence scenario driven by the official `phoenix` JavaScript client's Presence class.
//
//   node presence.mjs <baseUrl> <topic>
//
// Three sockets: alice (tab 1), bob, alice (tab 2). Prints one JSON line {"ok":true,"observed":{...}}
// and exits 0, or {"ok":false,"reason":...,"trace":[...]} and exits 1. A guard timer bounds the run.
// Node 20 has no global WebSocket, so the transport is the `ws` package's class.

import {Presence, Socket} from "phoenix"
import WebSocket from "ws"

const [baseUrl, topic] = process.argv.slice(2)
const started = Date.now()
const trace = []
const note = (who, what, data) => trace.push(`+${Date.now() - started}ms ${who} ${what}${data === undefined ? "" : " " + JSON.stringify(data)}`)
const finish = (result, code) => { console.log(JSON.stringify(result)); process.exit(code) }
setTimeout(() => finish({ok: false, reason: "timeout", trace}, 1), Number(process.env.SCENARIO_TIMEOUT_MS || 20000))

async function token(user){
  const res = await fetch(`${baseUrl}/api/token?user=${encodeURIComponent(user)}`)
  return (await res.json()).token
}

// A client: socket + channel + Presence, recording every callback.
async function client(name, user){
  const socket = new Socket(baseUrl.replace(/^http/, "ws") + "/socket", {
    transport: WebSocket, params: {token: await token(user)}, reconnectAfterMs: () => 60000,
  })
  const c = {name, user, socket, joins: [], leaves: [], syncs: 0}
  socket.connect()
  c.channel = socket.channel(topic, {})
  c.presence = new Presence(c.channel)
  c.presence.onJoin((key, current, joined) => {
    c.joins.push({key, hadBefore: current ? current.metas.length : 0, joined: joined.metas.map(m => m.status)})
    note(name, "onJoin", {key, current: current && current.metas.length, joined: joined.metas.length})
  })
  c.presence.onLeave((key, current, left) => {
    c.leaves.push({key, remaining: current.metas.length, left: left.metas.map(m => m.status)})
    note(name, "onLeave", {key, remaining: current.metas.length, left: left.metas.length})
  })
  c.presence.onSync(() => { c.syncs++ })
  await new Promise((resolve, reject) => {
    c.channel.join().receive("ok", resolve).receive("error", reject).receive("timeout", () => reject(new Error("join timeout")))
  })
  note(name, "joined")
  return c
}

// Presence.list as the app sees it: [{id, metas: [status...], refs: n}] sorted by id.
function listed(c){
  return c.presence.list((id, {metas}) => ({id, count: metas.length, statuses: metas.map(m => m.status).sort(),
    refsOk: metas.every(m => typeof m.phx_ref === "string" && m.phx_ref.length === 16),
    onlineAtOk: metas.every(m => /^\d{13}$/.test(m.online_at))}))
    .sort((a, b) => a.id.localeCompare(b.id))
}

async function until(what, check){
  const deadline = Date.now() + 8000
  while(Date.now() < deadline){
    if(check()){ note("test", "ok: " + what); return }
    await new Promise(r => setTimeout(r, 20))
  }
  throw new Error("not observed in time: " + what)
}

const summary = (l) => l.map(p => `${p.id}:${p.count}`).join(",")

try {
  const observed = {}
  const alice1 = await client("alice1", "alice")
  await until("alice1 sees herself", () => summary(listed(alice1)) === "alice:1")
  const bob = await client("bob", "bob")
  await until("alice1 sees bob", () => summary(listed(alice1)) === "alice:1,bob:1")
  await until("bob sees alice", () => summary(listed(bob)) === "alice:1,bob:1")
  observed.twoUsers = {alice1: listed(alice1), bob: listed(bob)}

  const alice2 = await client("alice2", "alice")
  await until("bob sees alice with two metas", () => summary(listed(bob)) === "alice:2,bob:1")
  await until("alice2 sees everyone", () => summary(listed(alice2)) === "alice:2,bob:1")
  await until("alice1 sees her second tab", () => summary(listed(alice1)) === "alice:2,bob:1")
  observed.twoTabs = {alice1: listed(alice1), alice2: listed(alice2), bob: listed(bob)}
  observed.bobJoinsSeenSoFar = bob.joins.slice()

  await new Promise((resolve, reject) =>
    bob.channel.push("set_status", {status: "away"}).receive("ok", resolve).receive("error", reject))
  await until("alice1 sees bob away", () => JSON.stringify(listed(alice1).find(p => p.id === "bob").statuses) === '["away"]')
  await until("alice2 sees bob away", () => JSON.stringify(listed(alice2).find(p => p.id === "bob").statuses) === '["away"]')
  observed.update = {alice1: listed(alice1),
    alice1BobJoins: alice1.joins.filter(j => j.key === "bob"), alice1BobLeaves: alice1.leaves.filter(l => l.key === "bob")}

  alice2.socket.disconnect()
  await until("bob sees alice down to one meta", () => summary(listed(bob)) === "alice:1,bob:1")
  await until("alice1 sees her other tab leave", () => summary(listed(alice1)) === "alice:1,bob:1")
  observed.tabClosed = {bob: listed(bob), bobAliceLeaves: bob.leaves.filter(l => l.key === "alice")}

  alice1.socket.disconnect()
  await until("bob sees alice gone", () => summary(listed(bob)) === "bob:1")
  observed.aliceGone = {bob: listed(bob), bobAliceLeaves: bob.leaves.filter(l => l.key === "alice"), bobSyncs: bob.syncs}
  bob.socket.disconnect()
  finish({ok: true, observed, trace}, 0)
} catch (e) {
  finish({ok: false, reason: String(e && e.message || e), trace}, 1)
}
