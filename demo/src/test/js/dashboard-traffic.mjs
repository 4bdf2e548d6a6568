// Real traffic for the dashboard's browser test, with the official `phoenix` client on two demo instances.
//
//   node dashboard-traffic.mjs <urlA> <urlB> <socketsA> <socketsB> <busyA> <messagesPerSecond>
//
// socketsA users (a0, a1, ...) connect to A and join room:dash (the RoomChannel tracks their presence);
// the first busyA of them also join room:busy. socketsB users (b0, ...) connect to B and join room:dash.
// When every join is acknowledged it prints one JSON line {"ready":true,...}; then a0 pushes new_msg on
// room:busy at the given rate (every member of room:busy on A gets each one) until the process is killed
// or its stdin closes, printing {"sent":N} every second. Node 20 has no global WebSocket: `ws`'s class.

import {Socket} from "phoenix"
import WebSocket from "ws"

const [urlA, urlB, socketsA, socketsB, busyA, rate] = process.argv.slice(2)
const fail = (e) => { console.log(JSON.stringify({ready: false, reason: String(e && e.stack || e)})); process.exit(1) }

async function token(baseUrl, user){
  const res = await fetch(`${baseUrl}/api/token?user=${encodeURIComponent(user)}`)
  return (await res.json()).token
}

function joined(channel){
  return new Promise((resolve, reject) => channel.join().receive("ok", resolve).receive("error", reject).receive("timeout", () => reject(new Error("join timeout"))))
}

async function user(name, baseUrl, topics){
  const socket = new Socket(baseUrl.replace(/^http/, "ws") + "/socket", {transport: WebSocket, params: {token: await token(baseUrl, name)}})
  socket.connect()
  const channels = {}
  for(const topic of topics){
    channels[topic] = socket.channel(topic, {})
    await joined(channels[topic])
  }
  return {socket, channels}
}

try {
  const a = []
  for(let i = 0; i < Number(socketsA); i++){
    a.push(user(`a${i}`, urlA, i < Number(busyA) ? ["room:dash", "room:busy"] : ["room:dash"]))
  }
  const b = []
  for(let i = 0; i < Number(socketsB); i++){
    b.push(user(`b${i}`, urlB, ["room:dash"]))
  }
  const usersA = await Promise.all(a)
  await Promise.all(b)
  console.log(JSON.stringify({ready: true, socketsA: Number(socketsA), socketsB: Number(socketsB), busyA: Number(busyA)}))
  let sent = 0
  const sender = usersA[0].channels["room:busy"]
  setInterval(() => { sender.push("new_msg", {body: `tick ${sent}`}); sent++ }, 1000 / Number(rate))
  setInterval(() => console.log(JSON.stringify({sent})), 1000)
  process.stdin.on("end", () => process.exit(0))
  process.stdin.resume()
} catch (e) {
  fail(e)
}
