// End-to-end scenarios of the room contract, driven by the official `phoenix` JavaScript client.
//
//   node scenarios.mjs <baseUrl> <websocket|longpoll> <1.0.0|2.0.0> <scenario>
//   node scenarios.mjs --list
//
// baseUrl is the server's HTTP root, e.g. http://127.0.0.1:4000 (the socket is mounted at /socket).
// Prints exactly one JSON line: {"ok":true,...,"observed":{...}} and exits 0, or
// {"ok":false,...,"reason":"...","trace":[...]} and exits 1. A guard timer ends every run in bounded
// time (SCENARIO_TIMEOUT_MS, default 15 s).
//
// How the client is configured, and why:
// - Node 20 has no global WebSocket, so the WebSocket transport is the `ws` package's class.
// - Node 20 has no XMLHttpRequest; the phoenix 1.8 LongPoll falls back to global fetch + AbortController
//   (assets/js/phoenix/ajax.js, Ajax.request -> fetchRequest), so long-poll needs no shim.
// - vsn=1.0.0: the client only picks the protocol version from `vsn`; its default encoder always writes
//   V2 arrays. A V1 client passes JSON object encode/decode functions, as the client's docs describe
//   (see decodeV1 for the one thing the decoder adds). The client's LongPoll always uses its default
//   (V2) serializer, so long-poll runs with vsn=2.0.0 only.
// - rejoinAfterMs is shortened (the client's default is 1 s, then 2 s, 5 s) to keep the suite fast; the
//   rejoins themselves are the client's own.
// - Channel#push turns a null (or any falsy) payload into {} and the V2 encoder cannot encode null, so a
//   null ping payload is sent (with Socket#push) over V1 only.
//
// Run against a standalone server: java ... io.phoenixspring.channels.support.TestServer 4000, then
//   node scenarios.mjs http://127.0.0.1:4000 websocket 2.0.0 broadcast

import {LongPoll, Socket} from "phoenix"
import WebSocket from "ws"
import {isDeepStrictEqual} from "node:util"
import net from "node:net"
import tls from "node:tls"

const SCENARIOS = {
  connect: connectScenario,
  connect_refused: connectRefusedScenario,
  join: joinScenario,
  ping: pingScenario,
  error_reply: errorReplyScenario,
  broadcast: broadcastScenario,
  binary: binaryScenario,
  crash_rejoin: crashRejoinScenario,
  unknown_event: unknownEventScenario,
  leave: leaveScenario,
  stop: stopScenario,
  duplicate_join: duplicateJoinScenario,
  heartbeat: heartbeatScenario,
  disconnect: disconnectScenario,
  join_on_open: joinOnOpenScenario,
  longpoll_keepalive: longpollKeepAliveScenario,
}

const TRANSPORTS = {websocket: WebSocket, longpoll: LongPoll}
const VSNS = ["1.0.0", "2.0.0"]
const GUARD_MS = Number(process.env.SCENARIO_TIMEOUT_MS || 15000)
const STEP_MS = 5000

// ---------------------------------------------------------------------------------------------
// output

const started = Date.now()
const trace = []
let args = {}
let done = false

function note(who, what, data){
  trace.push(`+${Date.now() - started}ms ${who} ${what}${data === undefined ? "" : " " + show(data)}`)
  if(trace.length > 300){ trace.splice(0, trace.length - 300) }
}

function show(value){
  try {
    const text = JSON.stringify(value, (_key, v) => {
      if(v instanceof ArrayBuffer){ return `<binary ${hex(v)}>` }
      if(v && v.constructor && v.constructor.name === "ErrorEvent"){ return `<ErrorEvent ${v.message}>` }
      if(v && v.constructor && v.constructor.name === "CloseEvent"){ return `<CloseEvent ${v.code} ${v.reason}>` }
      return v
    })
    return text && text.length > 400 ? text.slice(0, 400) + "…" : text
  } catch(e){
    return String(value)
  }
}

// every HTTP request (the long-poll transport's and ours) goes through global fetch: trace them
const realFetch = globalThis.fetch
let fetchSeq = 0
globalThis.fetch = (url, options = {}) => {
  const n = ++fetchSeq
  const t0 = Date.now()
  const what = `${options.method || "GET"} ${String(url).replace(/^https?:\/\/[^/]+/, "").replace(/token=[^&]{20,}/g, m => m.slice(0, 16) + "…")}`
  note("fetch", `#${n} → ${what}`, typeof options.body === "string" ? options.body : undefined)
  return realFetch(url, options).then(response => {
    note("fetch", `#${n} ← HTTP ${response.status} after ${Date.now() - t0} ms`)
    return response
  }, error => {
    note("fetch", `#${n} ✗ ${error && error.name} after ${Date.now() - t0} ms`)
    throw error
  })
}

function hex(buffer){
  return Buffer.from(buffer).toString("hex")
}

function emit(code, body){
  if(done){ return }
  done = true
  const line = JSON.stringify({...body, ...args, ms: Date.now() - started}) + "\n"
  process.stdout.write(line, () => process.exit(code))
  setTimeout(() => process.exit(code), 1000).unref()
}

function pass(observed){ emit(0, {ok: true, observed}) }

function failRun(reason){ emit(1, {ok: false, reason, trace}) }

class Failure extends Error {}

function check(condition, message, details){
  if(!condition){
    throw new Failure(details === undefined ? message : `${message}: ${show(details)}`)
  }
}

function checkEqual(actual, expected, what){
  check(isDeepStrictEqual(actual, expected), `${what}: expected ${show(expected)}, got ${show(actual)}`)
}

// ---------------------------------------------------------------------------------------------
// helpers over the official client

let base
let endpoint
let transportName
let vsn

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

function within(ms, promise, what){
  let timer
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Failure(`timed out after ${ms} ms waiting for ${what}`)), ms) })
  ])
}

async function until(condition, what, ms = STEP_MS){
  const deadline = Date.now() + ms
  while(!condition()){
    if(Date.now() > deadline){ throw new Failure(`timed out after ${ms} ms waiting for ${what}`) }
    await sleep(10)
  }
}

async function http(method, path, body){
  const options = {method, headers: {accept: "application/json"}}
  if(body !== undefined){
    options.headers["content-type"] = "application/json"
    options.body = JSON.stringify(body)
  }
  const response = await fetch(base + path, options)
  const text = await response.text()
  note("http", `${method} ${path} -> ${response.status}`, text)
  let json
  try { json = JSON.parse(text) } catch { json = text }
  return {status: response.status, body: json}
}

async function token(user){
  const {status, body} = await http("GET", `/api/token?user=${encodeURIComponent(user)}`)
  check(status === 200 && typeof body.token === "string", `GET /api/token?user=${user} failed`, {status, body})
  return body.token
}

function unique(prefix){
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
}

/**
 * V1 frames are {"event","payload","ref","topic"}: the server never sends join_ref in V1, but its
 * phx_close and phx_error carry the join ref they concern as "ref". Surfacing it as join_ref lets the
 * client drop a stale phx_close, e.g. the one answering the leave of a duplicate join, which would
 * otherwise close the channel that just rejoined the topic.
 */
function decodeV1(raw){
  const msg = JSON.parse(raw)
  if(msg.event === "phx_close" || msg.event === "phx_error"){ msg.join_ref = msg.ref }
  return msg
}

/** A Socket of the official client for this run's transport and vsn, with its events counted. */
function socket(name, userToken, extra = {}){
  const opts = {
    transport: TRANSPORTS[transportName],
    vsn,
    params: {token: userToken},
    rejoinAfterMs: () => 100,
    logger: (kind, msg, data) => note(name, `${kind}: ${msg}`, data),
    ...extra,
  }
  if(vsn === "1.0.0"){
    opts.encode = (msg, callback) => callback(JSON.stringify(msg))
    opts.decode = (raw, callback) => callback(decodeV1(raw))
  }
  const s = new Socket(endpoint, opts)
  s.stats = {opens: 0, closes: [], errors: [], messages: []}
  s.onOpen(() => { s.stats.opens++ })
  s.onClose(event => { s.stats.closes.push(event) })
  s.onError(error => { s.stats.errors.push(error) })
  s.onMessage(msg => { s.stats.messages.push(msg) })
  s.label = name
  return s
}

async function connected(name, user = name, extra = {}){
  const s = socket(name, await token(user), extra)
  s.connect()
  await until(() => s.stats.opens > 0, `${name}'s socket to open`)
  return s
}

/** A channel with its joins, errors and closes counted. */
function channel(s, topic){
  const ch = s.channel(topic)
  ch.stats = {joins: [], joinErrors: [], errors: [], closes: []}
  ch.onError(reason => { ch.stats.errors.push(reason) })
  ch.onClose(reason => { ch.stats.closes.push(reason === undefined ? null : reason) })
  return ch
}

/** Joins and resolves with the join reply's status and response; counts every (re)join reply. */
function join(ch){
  return within(STEP_MS, new Promise((resolve, reject) => {
    ch.join()
      .receive("ok", response => { ch.stats.joins.push(response); resolve({status: "ok", response}) })
      .receive("error", response => { ch.stats.joinErrors.push(response); resolve({status: "error", response}) })
      .receive("timeout", () => reject(new Failure(`join of ${ch.topic} timed out`)))
  }), `the join reply of ${ch.topic}`)
}

async function joined(s, topic){
  const ch = channel(s, topic)
  const reply = await join(ch)
  checkEqual(reply, {status: "ok", response: {}}, `join reply of ${topic}`)
  return ch
}

/** Pushes and resolves with the reply's status and response. */
function push(ch, event, payload, timeout = STEP_MS){
  return new Promise((resolve, reject) => {
    ch.push(event, payload, timeout)
      .receive("ok", response => resolve({status: "ok", response}))
      .receive("error", response => resolve({status: "error", response}))
      .receive("timeout", () => reject(new Failure(`push ${event} on ${ch.topic} got no reply within ${timeout} ms`)))
  })
}

/** Pushes through Socket#push, which (unlike Channel#push) sends the payload as it is, e.g. null. */
function socketPush(s, ch, event, payload){
  const ref = s.makeRef()
  return within(STEP_MS, new Promise(resolve => {
    s.onMessage(msg => {
      if(msg.ref === ref && msg.topic === ch.topic && msg.event === "phx_reply"){ resolve(msg.payload) }
    })
    s.push({topic: ch.topic, event, payload, ref, join_ref: ch.joinRef()}, ch)
  }), `the reply to ${event} (ref ${ref})`)
}

async function pingOk(ch, payload = {probe: unique("p")}){
  const reply = await push(ch, "ping", payload)
  checkEqual(reply, {status: "ok", response: payload}, `ping reply on ${ch.topic}`)
  return reply
}

function socketPing(s){
  return within(STEP_MS, new Promise((resolve, reject) => {
    if(!s.ping(resolve)){ reject(new Failure(`${s.label}: socket.ping refused, the socket is not connected`)) }
  }), `${s.label}'s socket ping`)
}

function framesOf(s, topic, event){
  return s.stats.messages.filter(m => m.topic === topic && m.event === event)
}

function closeSummary(s){
  return s.stats.closes.map(e => ({code: e.code, wasClean: e.wasClean}))
}

function errorSummary(error){
  if(error && typeof error === "object" && "message" in error){ return String(error.message) }
  return error
}

function bytes(...values){
  return new Uint8Array(values).buffer
}

// ---------------------------------------------------------------------------------------------
// scenarios

async function connectScenario(){
  const s = await connected("alice")
  const rtt = await socketPing(s)
  checkEqual(s.connectionState(), "open", "connection state")
  checkEqual(s.stats.errors, [], "socket errors")
  return {opened: s.stats.opens, pingRttMs: rtt, url: s.endPointURL().replace(/token=[^&]*/, "token=<alice>")}
}

async function connectRefusedScenario(){
  const s = socket("refused", "not-a-token")
  s.connect()
  await until(() => s.stats.errors.length > 0, "the client to report the refused connect")
  // give it time to open, which it must not
  await sleep(500)
  check(s.stats.opens === 0, "the socket opened with a bad token", s.stats.opens)
  const first = s.stats.errors[0]
  if(transportName === "longpoll"){
    // the LongPoll transport reports the status field of the body: {"status":403}
    checkEqual(first, 403, "long-poll connect error")
  } else {
    check(/\b403\b/.test(errorSummary(first)), "the WebSocket error does not name HTTP 403", errorSummary(first))
  }
  check(!s.isConnected(), "the socket says it is connected")
  s.disconnect()
  return {opens: s.stats.opens, errors: s.stats.errors.length, firstError: errorSummary(first)}
}

async function joinScenario(){
  const s = await connected("alice")
  const lobby = await joined(s, "room:lobby")
  const secret = channel(s, "room:secret")
  const refused = await join(secret)
  checkEqual(refused, {status: "error", response: {reason: "unauthorized"}}, "join reply of room:secret")
  // the refused join does not affect the joined channel
  await pingOk(lobby)
  return {lobby: lobby.stats.joins[0], secret: refused}
}

async function pingScenario(){
  const s = await connected("alice")
  const ch = await joined(s, unique("room:ping"))
  const payloads = [
    {n: 1, s: "x", nested: {list: [1, 2.5, {deep: null}], t: true}},
    [1, 2, 3],
    [],
    "just a string",
    "unicode é ☃ 😀 \u0000 \"quoted\"",
    42,
    true,
  ]
  const replies = []
  for(const payload of payloads){
    replies.push((await pingOk(ch, payload)).response)
  }
  // Channel#push sends {} for a null payload (channel.js: `payload = payload || {}`)
  const viaChannel = await push(ch, "ping", null)
  checkEqual(viaChannel, {status: "ok", response: {}}, "ping reply to Channel#push(null), which sends {}")
  let nullReply = "not applicable: the client's V2 encoder cannot encode a null payload"
  if(vsn === "1.0.0"){
    nullReply = await socketPush(s, ch, "ping", null)
    checkEqual(nullReply, {status: "ok", response: null}, "ping reply to a null payload")
  }
  // pushes sent back to back arrive in order and are each answered
  const burst = await Promise.all(Array.from({length: 20}, (_, i) => push(ch, "ping", {i})))
  checkEqual(burst.map(r => r.response.i), Array.from({length: 20}, (_, i) => i), "burst of 20 pings")
  return {replies, nullPayload: nullReply, burst: burst.length}
}

async function errorReplyScenario(){
  const s = await connected("alice")
  const ch = await joined(s, unique("room:err"))
  const reply = await push(ch, "error_reply", {})
  checkEqual(reply, {status: "error", response: {reason: "bad"}}, "error_reply reply")
  // an error reply is not a crash
  await pingOk(ch)
  checkEqual(ch.stats.errors, [], "channel errors")
  checkEqual(ch.stats.joins.length, 1, "joins")
  return {reply}
}

async function broadcastScenario(){
  const id = unique("bc")
  const topic = `room:${id}`
  const sockets = [await connected("alice1", "alice"), await connected("alice2", "alice"), await connected("bob")]
  const channels = []
  for(const s of sockets){ channels.push(await joined(s, topic)) }
  const received = channels.map(ch => {
    const list = []
    ch.on("new_msg", payload => list.push(payload))
    return list
  })
  // a subscriber of another room must not see these
  const other = await connected("carol")
  const otherCh = await joined(other, unique("room:other"))
  const otherReceived = []
  otherCh.on("new_msg", payload => otherReceived.push(payload))

  channels[2].push("new_msg", {body: "hi from bob"})
  await until(() => received.every(list => list.length >= 1), "new_msg from bob on all three sockets")

  const posted = await http("POST", `/api/rooms/${id}/messages`, {body: "from http"})
  checkEqual(posted, {status: 202, body: {ok: true}}, "POST /api/rooms/ID/messages")
  await until(() => received.every(list => list.length >= 2), "the HTTP broadcast on all three sockets")
  await sleep(200)
  for(let i = 0; i < received.length; i++){
    checkEqual(received[i], [{body: "hi from bob", user: "bob"}, {body: "from http", user: "system"}],
      `new_msg received by ${sockets[i].label}`)
  }
  checkEqual(otherReceived, [], "new_msg received on another room")
  // broadcasts carry no join_ref and no ref
  const frames = framesOf(sockets[0], topic, "new_msg").map(m => ({join_ref: m.join_ref ?? null, ref: m.ref ?? null}))
  checkEqual(frames, [{join_ref: null, ref: null}, {join_ref: null, ref: null}], "join_ref/ref of broadcast frames")
  return {topic, received: received[0], sockets: sockets.length}
}

async function binaryScenario(){
  const s = await connected("alice")
  const ch = await joined(s, unique("room:bin"))
  const payload = new Uint8Array(1024)
  for(let i = 0; i < payload.length; i++){ payload[i] = (i * 7 + 3) & 0xff }
  const small = bytes(0, 1, 2, 127, 128, 255)
  if(transportName === "longpoll"){
    // long-poll cannot carry binary replies: the server answers with an error reply and the session lives on
    const reply = await push(ch, "binary", small)
    checkEqual(reply, {status: "error", response: {reason: "binary replies need the websocket transport"}},
      "reply to a binary push over long-poll")
    await pingOk(ch)
    checkEqual(ch.stats.errors, [], "channel errors")
    checkEqual(s.stats.closes.length, 0, "socket closes")
    return {reply}
  }
  check(vsn === "2.0.0", "binary payloads need vsn 2.0.0")
  const echoed = []
  for(const buffer of [small, payload.buffer, new ArrayBuffer(0)]){
    const reply = await push(ch, "binary", buffer)
    check(reply.status === "ok", "binary push not answered ok", reply)
    check(reply.response instanceof ArrayBuffer, "binary reply is not an ArrayBuffer", reply.response)
    checkEqual(hex(reply.response), hex(buffer), "binary reply bytes")
    echoed.push(reply.response.byteLength)
  }
  // JSON pushes still work on the same channel
  await pingOk(ch)
  return {echoedBytes: echoed}
}

async function errorAndRejoin(event){
  const s = await connected("alice")
  const ch = await joined(s, unique("room:crash"))
  ch.push(event, {})
  await until(() => ch.stats.errors.length >= 1, `the channel's onError after ${event}`)
  await until(() => ch.stats.joins.length >= 2, "the client's own rejoin")
  await pingOk(ch)
  checkEqual(ch.stats.joins, [{}, {}], "join replies")
  checkEqual(ch.stats.closes, [], "channel closes")
  checkEqual(s.stats.closes.length, 0, "socket closes")
  const phxErrors = framesOf(s, ch.topic, "phx_error")
  checkEqual(phxErrors.length, 1, "phx_error frames")
  return {errors: ch.stats.errors.length, joins: ch.stats.joins.length, phxError: phxErrors[0]}
}

async function crashRejoinScenario(){ return errorAndRejoin("crash") }

async function unknownEventScenario(){ return errorAndRejoin("no_such_event") }

async function leaveScenario(){
  const id = unique("leave")
  const topic = `room:${id}`
  const s = await connected("alice")
  const ch = await joined(s, topic)
  const joinRef = ch.joinRef()
  const leavePush = ch.leave()
  const local = await within(STEP_MS, new Promise(resolve => {
    leavePush.receive("ok", response => resolve({status: "ok", response}))
      .receive("timeout", () => resolve({status: "timeout"}))
  }), "the leave push to resolve")
  checkEqual(local, {status: "ok", response: {}}, "leave push result")
  await until(() => ch.stats.closes.length >= 1, "the channel's onClose")
  check(!s.channels.includes(ch), "the socket still lists the left channel")
  // The client resolves the leave locally at once (Channel#leave: the channel is "leaving", so it
  // cannot push, and it triggers "ok" itself); the server's answer is read off the wire.
  const ref = leavePush.ref
  await until(() => s.stats.messages.some(m => m.topic === topic && m.event === "phx_reply" && m.ref === ref),
    `the server's reply to phx_leave (ref ${ref})`)
  const serverReply = s.stats.messages.find(m => m.topic === topic && m.event === "phx_reply" && m.ref === ref)
  checkEqual(serverReply.payload, {response: {}, status: "ok"}, "the server's reply to phx_leave")
  await until(() => framesOf(s, topic, "phx_close").length >= 1, "the server's phx_close after the leave")
  const phxClose = framesOf(s, topic, "phx_close")[0]
  checkEqual(phxClose.ref, joinRef, "ref of phx_close (the join ref)")
  // the server has unsubscribed the socket: a broadcast to the topic does not reach it
  const posted = await http("POST", `/api/rooms/${id}/messages`, {body: "after leave"})
  checkEqual(posted.status, 202, "POST status")
  await sleep(300)
  checkEqual(framesOf(s, topic, "new_msg"), [], "new_msg frames after leaving")
  checkEqual(ch.stats.errors, [], "channel errors")
  // the socket itself is fine
  await socketPing(s)
  return {serverReply: serverReply.payload, phxClose: {ref: phxClose.ref}, closes: ch.stats.closes}
}

async function stopScenario(){
  const id = unique("stop")
  const topic = `room:${id}`
  const s = await connected("alice")
  const ch = await joined(s, topic)
  ch.push("stop", {})
  await until(() => ch.stats.closes.length >= 1, "the channel's onClose after stop")
  await sleep(300)
  checkEqual(ch.stats.joins.length, 1, "joins (a stopped channel is not rejoined)")
  checkEqual(ch.stats.errors, [], "channel errors")
  const posted = await http("POST", `/api/rooms/${id}/messages`, {body: "after stop"})
  checkEqual(posted.status, 202, "POST status")
  await sleep(300)
  checkEqual(framesOf(s, topic, "new_msg"), [], "new_msg frames after the channel stopped")
  await socketPing(s)
  return {closes: ch.stats.closes.length, phxClose: framesOf(s, topic, "phx_close")[0]}
}

async function duplicateJoinScenario(){
  const id = unique("dup")
  const topic = `room:${id}`
  const s = await connected("alice")
  const first = await joined(s, topic)
  // a second channel object for the same topic on the same socket
  const second = channel(s, topic)
  const reply = await join(second)
  checkEqual(reply, {status: "ok", response: {}}, "join reply of the second channel")
  await until(() => first.stats.closes.length >= 1, "the old channel's onClose")
  check(first.isClosed(), "the old channel is not closed", first.state)
  check(second.isJoined(), "the new channel is not joined", second.state)
  check(!s.channels.includes(first) && s.channels.includes(second), "the socket's channel list is wrong")
  await pingOk(second)
  // one subscription on the server: a broadcast arrives once
  const got = []
  second.on("new_msg", payload => got.push(payload))
  const posted = await http("POST", `/api/rooms/${id}/messages`, {body: "once"})
  checkEqual(posted.status, 202, "POST status")
  await until(() => got.length >= 1, "the broadcast on the new channel")
  await sleep(200)
  checkEqual(got, [{body: "once", user: "system"}], "broadcasts received by the new channel")
  checkEqual(framesOf(s, topic, "new_msg").length, 1, "new_msg frames on the socket")
  checkEqual(second.stats.errors, [], "new channel errors")
  return {oldClosed: first.stats.closes, newJoins: second.stats.joins.length}
}

async function heartbeatScenario(){
  // a short interval (the client's default is 30 s); the client also gives each heartbeat this long
  // for its reply before it closes the connection as dead
  const intervalMs = 250
  const s = await connected("alice", "alice", {heartbeatIntervalMs: intervalMs})
  const ch = await joined(s, unique("room:hb"))
  const watchMs = 2000
  const from = s.stats.messages.length
  let pings = 0
  if(transportName === "longpoll"){
    // LongPoll sets skipHeartbeat: the client sends no periodic heartbeats over long-poll, so the
    // same "phoenix" heartbeat is sent through Socket#ping
    const deadline = Date.now() + watchMs
    while(Date.now() < deadline){
      await socketPing(s)
      pings++
      await sleep(intervalMs)
    }
  } else {
    await sleep(watchMs)
  }
  const replies = s.stats.messages.slice(from)
    .filter(m => m.topic === "phoenix" && m.event === "phx_reply")
  check(replies.length >= 5, `only ${replies.length} heartbeat replies in ${watchMs} ms`, replies)
  for(const r of replies){
    checkEqual(r.payload, {response: {}, status: "ok"}, "heartbeat reply payload")
  }
  checkEqual(s.stats.closes.length, 0, "socket closes")
  checkEqual(s.stats.errors.length, 0, "socket errors")
  checkEqual(s.stats.opens, 1, "socket opens")
  check(s.isConnected(), "the socket is no longer connected")
  await pingOk(ch)
  checkEqual(ch.stats.joins.length, 1, "joins")
  return {heartbeatReplies: replies.length, intervalMs, watchMs,
    sentVia: transportName === "longpoll" ? "Socket#ping" : "heartbeat timer", pings}
}

async function disconnectScenario(){
  const id = unique("dc")
  const topic = `room:${id}`
  const alice1 = await connected("alice1", "alice")
  const alice2 = await connected("alice2", "alice")
  const bob = await connected("bob")
  const chA1 = await joined(alice1, topic)
  const chA2 = await joined(alice2, topic)
  const chB = await joined(bob, topic)

  const posted = await http("POST", "/api/users/alice/disconnect")
  checkEqual(posted, {status: 202, body: {ok: true}}, "POST /api/users/alice/disconnect")
  for(const [s, ch] of [[alice1, chA1], [alice2, chA2]]){
    await until(() => s.stats.closes.length >= 1, `${s.label}'s socket to be closed by the server`)
    await until(() => s.stats.opens >= 2, `${s.label}'s socket to reconnect by itself`, 8000)
    await until(() => ch.stats.joins.length >= 2, `${s.label}'s channel to rejoin by itself`)
    check(ch.stats.errors.length >= 1, `${s.label}'s channel saw no error`)
    await pingOk(ch)
  }
  // bob was never disturbed
  await pingOk(chB)
  checkEqual(bob.stats.closes.length, 0, "bob's socket closes")
  checkEqual(bob.stats.errors.length, 0, "bob's socket errors")
  checkEqual(bob.stats.opens, 1, "bob's socket opens")
  checkEqual(chB.stats.joins.length, 1, "bob's joins")
  checkEqual(chB.stats.errors, [], "bob's channel errors")
  // and all three get the next broadcast
  const got = [chA1, chA2, chB].map(ch => { const l = []; ch.on("new_msg", p => l.push(p)); return l })
  await http("POST", `/api/rooms/${id}/messages`, {body: "after reconnect"})
  await until(() => got.every(l => l.length >= 1), "the broadcast after the reconnects")
  return {
    alice1Closes: closeSummary(alice1),
    alice2Closes: closeSummary(alice2),
    alice1Errors: alice1.stats.errors.map(errorSummary),
    aliceJoins: [chA1.stats.joins.length, chA2.stats.joins.length],
    bobCloses: bob.stats.closes.length,
  }
}

/**
 * What every page does: join a channel while the socket is still connecting. The client buffers the
 * join and sends it the moment the socket opens, so it is the first frame on the new connection; it
 * must be answered every time. Repeated on fresh sockets to catch a race at connection start.
 */
async function joinOnOpenScenario(){
  const rounds = transportName === "longpoll" ? 40 : 300
  const userToken = await token("alice")
  const times = []
  for(let round = 1; round <= rounds; round++){
    const s = socket(`alice#${round}`, userToken)
    const ch = channel(s, unique("room:open"))
    const t0 = Date.now()
    const reply = within(2000, new Promise(resolve => {
      ch.join().receive("ok", response => resolve({status: "ok", response}))
        .receive("error", response => resolve({status: "error", response}))
    }), `round ${round}: the reply to the join sent as the first frame of a new connection`)
    s.connect()
    let result
    try {
      result = await reply
    } catch(e){
      const sent = trace.filter(line => line.includes(`alice#${round} `)).slice(-6)
      throw new Failure(`${e.message} (socket opened: ${s.stats.opens > 0}; frames received: ` +
        `${show(s.stats.messages)}; client log: ${sent.join(" | ")})`)
    }
    checkEqual(result, {status: "ok", response: {}}, `round ${round}: join reply`)
    times.push(Date.now() - t0)
    s.disconnect()
  }
  times.sort((a, b) => a - b)
  return {rounds, medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1]}
}

/**
 * Long-poll over one HTTP/1.1 keep-alive connection, as a browser page on another origin sends it
 * with the official client: open the session (GET, answered asynchronously), the CORS preflight of
 * the first POST (OPTIONS, answered at once), then the POST itself, each request sent as soon as the
 * previous response is complete. Every request must be answered; repeated to catch a race.
 * (fetch cannot pin requests to one connection, so this speaks HTTP/1.1 over a plain TCP or TLS socket.)
 */
async function longpollKeepAliveScenario(){
  check(transportName === "longpoll", "this scenario is about the long-poll transport")
  const rounds = 150
  const userToken = await token("alice")
  const url = new URL(base)
  const host = url.hostname
  const secure = url.protocol === "https:"
  const port = Number(url.port || (secure ? 443 : 80))
  const heartbeat = '[null,"1","phoenix","heartbeat",{}]'
  const request = (method, path, headers, body = "") =>
    `${method} ${path} HTTP/1.1\r\nHost: ${url.host}\r\n` +
    Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("") +
    (body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : "") + "\r\n" + body
  const steps = [
    () => ["GET /socket/longpoll (open)", request("GET", `/socket/longpoll?token=${userToken}&vsn=${vsn}`,
      {Accept: "application/json"})],
    session => ["OPTIONS /socket/longpoll (CORS preflight)", request("OPTIONS",
      `/socket/longpoll?token=${userToken}&vsn=${vsn}&token=${session}`,
      {Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})],
    session => ["POST /socket/longpoll (heartbeat)", request("POST",
      `/socket/longpoll?token=${userToken}&vsn=${vsn}&token=${session}`,
      {Origin: "http://localhost:5173", "Content-Type": "application/x-ndjson"}, heartbeat)],
  ]
  const expected = [/"status":410/, /^$/, /^\{"status":200\}$/]
  const oneRound = round => new Promise(resolve => {
    // Over https the same bytes go through TLS (the test's CA comes from NODE_EXTRA_CA_CERTS).
    const conn = secure ? tls.connect({host, port}) : net.connect(port, host)
    const exchange = []
    let buffer = Buffer.alloc(0)
    let step = 0
    let session = null
    const send = () => {
      const [label, text] = steps[step](session)
      exchange.push(`>> ${label}`)
      conn.write(text)
    }
    const timer = setTimeout(() => {
      conn.destroy()
      resolve({ok: false, why: `round ${round}: no response to request ${step + 1} of ${steps.length} within 2000 ms`, exchange})
    }, 2000)
    conn.on(secure ? "secureConnect" : "connect", send)
    conn.on("error", e => { clearTimeout(timer); resolve({ok: false, why: `round ${round}: ${e.message}`, exchange}) })
    conn.on("data", chunk => {
      buffer = Buffer.concat([buffer, chunk])
      const headEnd = buffer.indexOf("\r\n\r\n")
      if(headEnd < 0){ return }
      const head = buffer.subarray(0, headEnd).toString("latin1")
      const length = Number((head.match(/\r\ncontent-length: *(\d+)/i) || [0, 0])[1])
      if(buffer.length < headEnd + 4 + length){ return }
      const body = buffer.subarray(headEnd + 4, headEnd + 4 + length).toString("utf8")
      buffer = buffer.subarray(headEnd + 4 + length)
      exchange.push(`<< ${head.split("\r\n")[0]} ${body.length > 120 ? body.slice(0, 120) + "…" : body}`)
      if(!/^HTTP\/1\.1 200/.test(head) || !expected[step].test(body)){
        clearTimeout(timer)
        conn.destroy()
        resolve({ok: false, why: `round ${round}: unexpected answer to request ${step + 1}`, exchange})
        return
      }
      if(step === 0){ session = encodeURIComponent(JSON.parse(body).token) }
      step++
      if(step === steps.length){
        clearTimeout(timer)
        conn.destroy()
        resolve({ok: true})
      } else {
        send()
      }
    })
  })
  for(let round = 1; round <= rounds; round++){
    const result = await oneRound(round)
    if(!result.ok){
      throw new Failure(`${result.why}; exchange on that connection: ${result.exchange.join(" | ")}`)
    }
  }
  return {rounds, requestsPerConnection: steps.length}
}

// ---------------------------------------------------------------------------------------------
// main

async function main(argv){
  if(argv[0] === "--list"){
    process.stdout.write(Object.keys(SCENARIOS).join("\n") + "\n")
    return
  }
  const [baseUrl, transport, version, scenario] = argv
  args = {scenario, transport, vsn: version}
  const guard = setTimeout(() => failRun(`scenario did not finish within ${GUARD_MS} ms`), GUARD_MS)
  guard.unref()
  try {
    check(argv.length === 4, "usage: node scenarios.mjs <baseUrl> <websocket|longpoll> <1.0.0|2.0.0> <scenario>")
    check(/^https?:\/\//.test(baseUrl), "baseUrl must be http(s)://host:port", baseUrl)
    check(transport in TRANSPORTS, "unknown transport", transport)
    check(VSNS.includes(version), "unknown vsn", version)
    check(scenario in SCENARIOS, `unknown scenario (known: ${Object.keys(SCENARIOS).join(", ")})`, scenario)
    check(!(transport === "longpoll" && version === "1.0.0"),
      "the official client's LongPoll always uses the V2 serializer; run long-poll with vsn 2.0.0")
    check(!(scenario === "binary" && transport === "websocket" && version === "1.0.0"),
      "binary payloads need vsn 2.0.0")
    check(!(scenario === "longpoll_keepalive" && transport !== "longpoll"), "longpoll_keepalive is a long-poll scenario")
    base = baseUrl.replace(/\/+$/, "")
    endpoint = base.replace(/^http/, "ws") + "/socket"
    transportName = transport
    vsn = version
    const observed = await SCENARIOS[scenario]()
    pass(observed)
  } catch(e){
    failRun(e instanceof Failure ? e.message : (e && e.stack) || String(e))
  }
}

process.on("unhandledRejection", e => failRun(`unhandled rejection: ${(e && e.stack) || e}`))
process.on("uncaughtException", e => failRun(`uncaught exception: ${(e && e.stack) || e}`))

main(process.argv.slice(2))
