# Defaults of the nomad-agent container image, read before the mounted /etc/nomad.d, so that
# anything the mounted configuration sets replaces them (Nomad's merge: a later non-empty value
# wins).

# Inside a container the loopback address is not reachable from outside: serve on every
# interface. With no "advertise" block the agent advertises the container's first private
# address.
bind_addr = "0.0.0.0"

# The image's volume.
data_dir = "/var/lib/nomad"
