// The LiveView pages' script (a classic script, after phoenix.min.js and phoenix_live_view.min.js):
// connect the official LiveSocket with the page's CSRF token, as a phx.new app's app.js does.
(function () {
  let csrfToken = document.querySelector("meta[name='csrf-token']").getAttribute("content");

  // The live contract's Echo hook (/js, #echo): on mount it pushes "hello" to the server, whose
  // push_event("greet", {text}) comes back to handleEvent; the text goes into #echo-out.
  let Echo = {
    mounted() {
      this.handleEvent("greet", ({text}) => {
        let out = document.getElementById("echo-out");
        if (out) out.textContent = text;
      });
      this.pushEvent("hello", {from: "hook"});
    }
  };

  let liveSocket = new LiveView.LiveSocket("/live", Phoenix.Socket, {params: {_csrf_token: csrfToken}, hooks: {Echo}});
  liveSocket.connect();
  // So that a console (or a test) can call liveSocket.disconnect() / connect(), or enableDebug().
  window.liveSocket = liveSocket;

  // push_event "clear" {id}: empties an input the server cannot (the client keeps a focused input's value),
  // e.g. /live-chat's message box after a send.
  window.addEventListener("phx:clear", (e) => {
    let input = document.getElementById(e.detail.id);
    if (input) input.value = "";
  });
})();
