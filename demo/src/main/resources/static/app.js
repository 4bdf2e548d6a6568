// The chat page: the official phoenix JS client (bundled at build time as /assets/phoenix.mjs)
// against the demo's /socket. Pick a name and a room, join, chat, and see who is online with
// Presence (one line per user, however many tabs they have open). The client reconnects and
// rejoins by itself when the server goes away and comes back. Notices (outside the room contract):
// "U went offline" from notices:lobby when a user's last tab leaves a room, and direct notices
// (POST /api/users/NAME/notices) pushed by the room channel as `notice`.
import {Presence, Socket} from "/assets/phoenix.mjs"

const $ = (id) => document.getElementById(id)
let socket = null
let channel = null
let notices = null
let me = null

function setConnection(state, text){
  const el = $("connection")
  el.dataset.state = state
  el.className = `state state-${state}`
  el.textContent = text
}

async function fetchToken(name){
  const res = await fetch(`/api/token?user=${encodeURIComponent(name)}`, {headers: {accept: "application/json"}})
  if(!res.ok){ throw new Error(`token request failed: HTTP ${res.status}`) }
  return (await res.json()).token
}

function addMessage({user, body}){
  const li = document.createElement("li")
  li.className = user === "system" ? "system" : (user === me ? "mine" : "")
  const who = document.createElement("span")
  who.className = "user"
  who.textContent = user
  const text = document.createElement("span")
  text.className = "body"
  text.textContent = typeof body === "string" ? body : JSON.stringify(body)
  li.append(who, text)
  const list = $("messages")
  list.append(li)
  list.scrollTop = list.scrollHeight
}

// kind "offline" ("carol went offline", with the room) or "direct" (a notice sent to me).
function addNotice(kind, text, where){
  const li = document.createElement("li")
  li.className = kind
  const span = document.createElement("span")
  span.className = "text"
  span.textContent = text
  li.append(span)
  if(where){
    const room = document.createElement("span")
    room.className = "where"
    room.textContent = where
    li.append(room)
  }
  const list = $("notices")
  list.append(li)
  list.scrollTop = list.scrollHeight
}

function renderOnline(presence){
  const users = presence.list((user, {metas}) => ({user, tabs: metas.length, status: metas[metas.length - 1].status}))
    .sort((a, b) => a.user.localeCompare(b.user))
  const list = $("online")
  list.replaceChildren(...users.map(({user, tabs, status}) => {
    const li = document.createElement("li")
    li.dataset.user = user
    li.className = `${status}${user === me ? " me" : ""}`
    const name = document.createElement("span")
    name.className = "name"
    const dot = document.createElement("span")
    dot.className = "dot"
    name.append(dot, document.createTextNode(user))
    const info = document.createElement("span")
    info.className = "tabs"
    info.textContent = tabs > 1 ? `${status} · ${tabs} tabs` : status
    li.append(name, info)
    return li
  }))
  $("online-count").textContent = String(users.length)
}

async function join(name, room){
  me = name
  const token = await fetchToken(name)
  socket = new Socket("/socket", {params: {token}})
  socket.onOpen(() => setConnection("connected", "connected"))
  socket.onError(() => setConnection("reconnecting", "reconnecting…"))
  socket.onClose(() => { if(socket){ setConnection("reconnecting", "reconnecting…") } })
  setConnection("connecting", "connecting…")
  socket.connect()

  channel = socket.channel(`room:${room}`, {})
  const presence = new Presence(channel)
  presence.onSync(() => renderOnline(presence))
  channel.on("new_msg", addMessage)
  channel.on("notice", ({body}) => addNotice("direct", typeof body === "string" ? body : JSON.stringify(body), "for you"))
  notices = socket.channel("notices:lobby", {})
  notices.on("user_offline", ({user, room}) => addNotice("offline", `${user} went offline`, `room ${room}`))
  notices.join()
  channel.join()
    .receive("ok", () => {
      // Also runs on every rejoin (after a reconnect or a server restart): the server tracks a
      // fresh presence as "online", so a chosen status is sent again.
      const status = $("status").value
      if(status !== "online"){ channel.push("set_status", {status}) }
      $("join-form").hidden = true
      $("chat").hidden = false
      $("room-name").textContent = room
      $("message").focus()
    })
    .receive("error", ({reason}) => {
      showError(`could not join room:${room}: ${reason}`)
      leave()
    })
}

function leave(){
  if(channel){ channel.leave() }
  if(notices){ notices.leave() }
  if(socket){ const s = socket; socket = null; s.disconnect() }
  channel = null
  notices = null
  setConnection("idle", "not connected")
  $("chat").hidden = true
  $("join-form").hidden = false
  $("messages").replaceChildren()
  $("online").replaceChildren()
  $("notices").replaceChildren()
}

function showError(text){
  const el = $("join-error")
  el.textContent = text
  el.hidden = false
}

$("join-form").addEventListener("submit", (event) => {
  event.preventDefault()
  $("join-error").hidden = true
  const name = $("name").value.trim()
  const room = $("room").value.trim()
  if(name && room){ join(name, room).catch(err => showError(err.message)) }
})

$("message-form").addEventListener("submit", (event) => {
  event.preventDefault()
  const input = $("message")
  const body = input.value.trim()
  if(body && channel){
    channel.push("new_msg", {body})
    input.value = ""
  }
})

$("status").addEventListener("change", (event) => {
  if(channel){ channel.push("set_status", {status: event.target.value}) }
})

$("leave").addEventListener("click", leave)

// Tests and curious users can inspect the live objects.
window.demo = {get socket(){ return socket }, get channel(){ return channel }, get notices(){ return notices }}
