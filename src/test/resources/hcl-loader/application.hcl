management {
  server {
    port = 9090
  }
}
nomad {
  datacenter = "dc2"
  client {
    options {
      "driver.raw_exec.enable" = "1"
    }
    servers = ["a:4647", "b:4647"]
  }
}
