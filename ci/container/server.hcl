# The configuration the CI packaging checks mount at /etc/nomad.d to run the image: a single
# server that leads itself, and a graceful leave on SIGTERM (exit 0).
leave_on_terminate = true

server {
  enabled          = true
  bootstrap_expect = 1
}

consul {
  auto_advertise   = false
  server_auto_join = false
  client_auto_join = false
}
