// Two demo instances on one Redis, driven by the official `phoenix` JavaScript client.
//
//   node cluster.mjs <balancerUrl> <urlA> <urlB> <pidA>
//
// alice connects through the balancer (a failover TCP proxy in front of A, then B), so her socket
// lands on A; bob connects to B directly. The scenario: messages cross the nodes both ways (and
// from the HTTP API of the other node), presence is the same on both, a disconnect requested on B
// closes alice's socket on A, and when A is killed (SIGKILL, pid given) alice's client reconnects
// through the balancer to B and rejoins by itself. Prints one JSON line {"ok":true,...} and exits 0,
// or {"ok":false,"reason":...,"trace":[...]} and exits 1. A guard timer bounds the run.
// Node 20 has no global WebSocket, so the transport is the `ws` package's class.

import {Presence, Socket} from "phoenix"
import WebSocket from "ws"

const [balancerUrl, urlA, urlB, pidA] = process.argv.slice(2)
const topic = "room:cluster"
const started = Date.now()
const trace = []
const note = (who, what, data) => trace.push(`+${Date.now() - started}ms ${who} ${what}${data === undefined ? "" : " " + JSON.stringify(data)}`)
const finish = (result, code) => { console.log(JSON.stringify(result)); process.exit(code) }
setTimeout(() => finish({ok: false, reason: "timeout", trace}, 1), Number(process.env.SCENARIO_TIMEOUT_MS || 60000))

async function token(baseUrl, user){
  const res = await fetch(`${baseUrl}/api/token?user=${encodeURIComponent(user)}`)
  return (await res.json()).token
}

async function post(baseUrl, path, body){
  const res = await fetch(`${baseUrl}${path}`, {method: "POST", headers: {"content-type": "application/json"},
    body: body === undefined ? undefined : JSON.stringify(body)})
  if(res.status !== 202){ throw new Error(`POST ${path} answered ${res.status}`) }
}

// A client as the page has it: socket + channel + Presence, recording what happens.
async function client(name, baseUrl){
  const socket = new Socket(baseUrl.replace(/^http/, "ws") + "/socket", {
    transport: WebSocket, params: {token: await token(baseUrl, name)},
    reconnectAfterMs: () => 100, rejoinAfterMs: () => 200,
  })
  const c = {name, socket, messages: [], opens: 0, closes: 0, joins: 0, closeCodes: []}
  socket.onOpen(() => { c.opens++; note(name, "socket open") })
  socket.onClose((event) => { c.closes++; c.closeCodes.push(event && event.code); note(name, "socket closed", event && event.code) })
  socket.connect()
  c.channel = socket.channel(topic, {})
  c.presence = new Presence(c.channel)
  c.channel.on("new_msg", (msg) => { c.messages.push(`${msg.user}: ${msg.body}`); note(name, "new_msg", msg) })
  await new Promise((resolve, reject) => {
    c.channel.join()
      .receive("ok", () => { c.joins++; note(name, "joined", c.joins); resolve() })
      .receive("error", reject)
  })
  return c
}

// Presence.list as the page shows it: "user:metas" sorted, e.g. "alice:1,bob:1".
const summary = (c) => c.presence.list((id, {metas}) => `${id}:${metas.length}`).sort().join(",")
const canonical = (c) => JSON.stringify(c.presence.list((id, {metas}) =>
  [id, metas.map(m => ({online_at: m.online_at, phx_ref: m.phx_ref, status: m.status})).sort((a, b) => a.phx_ref.localeCompare(b.phx_ref))])
  .sort((a, b) => a[0].localeCompare(b[0])))
const refs = (c, user) => c.presence.list((id, {metas}) => id === user ? metas.map(m => m.phx_ref) : []).flat().sort()

async function until(what, check, timeoutMs = 15000, detail = () => ""){
  const deadline = Date.now() + timeoutMs
  while(Date.now() < deadline){
    if(check()){ note("test", "ok: " + what); return }
    await new Promise(r => setTimeout(r, 20))
  }
  throw new Error("not observed in time: " + what + " " + detail())
}

try {
  const observed = {}
  const alice = await client("alice", balancerUrl)
  const bob = await client("bob", urlB)

  // Presence is the same on both nodes.
  await until("alice (on A) lists alice and bob", () => summary(alice) === "alice:1,bob:1")
  await until("bob (on B) lists alice and bob", () => summary(bob) === "alice:1,bob:1")
  await until("same metas on both nodes", () => canonical(alice) === canonical(bob))
  observed.presenceBefore = {alice: canonical(alice), bob: canonical(bob)}

  // Messages cross the nodes, both ways, and from the HTTP API of the other node.
  alice.channel.push("new_msg", {body: "from A"})
  await until("bob on B gets alice's message from A", () => bob.messages.includes("alice: from A"))
  bob.channel.push("new_msg", {body: "from B"})
  await until("alice on A gets bob's message from B", () => alice.messages.includes("bob: from B"))
  await post(urlA, "/api/rooms/cluster/messages", {body: "posted to A"})
  await until("bob on B gets the message posted to A", () => bob.messages.includes("system: posted to A"))
  await post(urlB, "/api/rooms/cluster/messages", {body: "posted to B"})
  await until("alice on A gets the message posted to B", () => alice.messages.includes("system: posted to B"))

  // A status change on A shows on B.
  await new Promise((resolve, reject) => alice.channel.push("set_status", {status: "away"}).receive("ok", resolve).receive("error", reject))
  await until("bob sees alice away", () => bob.presence.list((id, {metas}) => id === "alice" && metas[0].status === "away").includes(true))

  // A disconnect requested on B closes alice's socket on A; her client reconnects and rejoins.
  const joinsBefore = alice.joins
  await post(urlB, "/api/users/alice/disconnect")
  await until("alice's socket on A is closed by the request to B, with 1011", () => alice.closes >= 1 && alice.closeCodes[0] === 1011)
  await until("alice reconnects and rejoins", () => alice.joins > joinsBefore)
  observed.afterDisconnect = {closes: alice.closes, joins: alice.joins}

  // A is killed: alice's client reconnects through the balancer, now to B, and rejoins.
  await until("alice's rejoin on A shows on B", () => summary(bob) === "alice:1,bob:1" && canonical(alice) === canonical(bob))
  const aliceRefOnA = refs(bob, "alice")
  const closesBefore = alice.closes
  const joinsBeforeKill = alice.joins
  process.kill(Number(pidA), "SIGKILL")
  note("test", "killed A", Number(pidA))
  await until("alice's socket notices A is gone", () => alice.closes > closesBefore)
  await until("alice rejoins on B", () => alice.joins > joinsBeforeKill, 20000)
  bob.channel.push("new_msg", {body: "after the kill"})
  await until("alice, now on B, gets bob's message", () => alice.messages.includes("bob: after the kill"))
  alice.channel.push("new_msg", {body: "alice is back"})
  await until("bob gets alice's message after her move", () => bob.messages.includes("alice: alice is back"))
  // A's presences leave once B marks A down; alice's new presence (tracked on B) stays.
  await until("presence on B is alice (once) and bob, for both clients",
    () => summary(alice) === "alice:1,bob:1" && summary(bob) === "alice:1,bob:1", 20000,
    () => `(alice sees ${canonical(alice)}; bob sees ${canonical(bob)})`)
  await until("alice's presence is a new one, tracked on B", () => {
    const now = refs(bob, "alice")
    return now.length === 1 && !aliceRefOnA.includes(now[0])
  })
  await until("same presence for both clients after the move", () => canonical(alice) === canonical(bob))
  observed.presenceAfter = {alice: canonical(alice), bob: canonical(bob)}
  observed.messages = {alice: alice.messages, bob: bob.messages}
  finish({ok: true, observed, trace}, 0)
} catch (e) {
  finish({ok: false, reason: String(e && e.stack || e), trace}, 1)
}
