# Every key of the Nomad v0.5 agent configuration, with a value that is not its default.
region     = "eu-west"
datacenter = "dc2"
name       = "agent-7"
data_dir   = "/var/lib/nomad"
log_level  = "WARN"
bind_addr  = "192.168.0.10"

enable_debug                = true
leave_on_interrupt          = true
leave_on_terminate          = true
enable_syslog               = true
syslog_facility             = "LOCAL3"
disable_update_check        = true
disable_anonymous_signature = true

ports {
  http = 5646
  rpc  = 5647
  serf = 5648
}

addresses {
  http = "127.0.0.2"
  rpc  = "127.0.0.3"
  serf = "127.0.0.4"
}

advertise {
  http = "10.0.0.1"
  rpc  = "10.0.0.2:6000"
  serf = "10.0.0.3"
}

interfaces {
  anything = "is ignored"
}

client {
  enabled           = true
  state_dir         = "/var/lib/nomad/client"
  alloc_dir         = "/var/lib/nomad/alloc"
  servers           = ["10.0.0.10", "10.0.0.11:4647"]
  node_class        = "linux-64bit"
  network_interface = "eth1"
  network_speed     = 1000
  max_kill_timeout  = "1m30s"
  client_min_port   = 20000
  client_max_port   = 20100

  options {
    "driver.raw_exec.enable" = "1"
    driver.whitelist         = "exec,raw_exec"
  }

  meta {
    rack = "r1"
  }

  chroot_env {
    "/opt/bin" = "/bin"
  }

  reserved {
    cpu            = 500
    memory         = 512
    disk           = 1024
    iops           = 100
    reserved_ports = "22,80,8000-8002"
  }

  stats {
    not_checked = true
  }
}

server {
  enabled            = true
  bootstrap_expect   = 3
  data_dir           = "/var/lib/nomad/server"
  protocol_version   = 1
  num_schedulers     = 2
  enabled_schedulers = ["service", "batch"]
  node_gc_threshold  = "12h"
  heartbeat_grace    = "30s"
  start_join         = ["10.0.0.20"]
  retry_join         = ["10.0.0.21", "10.0.0.22"]
  retry_max          = 5
  retry_interval     = "15s"
  rejoin_after_leave = true
  encrypt            = "USQAMDDrYZs9h0oOkMQJSg=="
}

telemetry {
  statsite_address                       = "127.0.0.1:8125"
  statsd_address                         = "127.0.0.1:8126"
  datadog_address                        = "127.0.0.1:8127"
  disable_hostname                       = true
  collection_interval                    = "5s"
  publish_allocation_metrics             = true
  publish_node_metrics                   = true
  circonus_api_token                     = "circonus-secret"
  circonus_api_app                       = "nomad-agent"
  circonus_api_url                       = "https://circonus.example/v2"
  circonus_submission_interval           = "15s"
  circonus_submission_url                = "https://circonus.example/submit"
  circonus_check_id                      = "12345"
  circonus_check_force_metric_activation = "true"
  circonus_check_instance_id             = "agent-7:dc2"
  circonus_check_search_tag              = "service:nomad"
  circonus_broker_id                     = "42"
  circonus_broker_select_tag             = "dc:dc2"
}

atlas {
  infrastructure = "acme/nomad"
  token          = "atlas-secret"
  join           = true
  endpoint       = "https://atlas.example"
}

consul {
  address              = "127.0.0.1:8501"
  auth                 = "user:consul-secret"
  auto_advertise       = false
  ca_file              = "/etc/consul/ca.pem"
  cert_file            = "/etc/consul/cert.pem"
  checks_use_advertise = true
  client_auto_join     = false
  client_service_name  = "nomad-worker"
  key_file             = "/etc/consul/key.pem"
  server_auto_join     = false
  server_service_name  = "nomad-control"
  ssl                  = true
  timeout              = "2s"
  token                = "consul-secret"
  verify_ssl           = false
}

vault {
  address               = "https://vault.example:8200"
  allow_unauthenticated = false
  enabled               = true
  task_token_ttl        = "1h"
  tls_ca_file           = "/etc/vault/ca.pem"
  tls_ca_path           = "/etc/vault/ca.d"
  tls_cert_file         = "/etc/vault/cert.pem"
  tls_key_file          = "/etc/vault/key.pem"
  tls_server_name       = "vault.example"
  tls_skip_verify       = true
  token                 = "vault-secret"
}

tls {
  http                   = true
  rpc                    = true
  verify_server_hostname = true
  ca_file                = "/etc/nomad/ca.pem"
  cert_file              = "/etc/nomad/cert.pem"
  key_file               = "/etc/nomad/key.pem"
}

http_api_response_headers {
  Access-Control-Allow-Origin = "*"
}
