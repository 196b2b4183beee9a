{{/*
Names, labels and the shared parts of the agent configuration and pod specs.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "nomad-agent.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The prefix of every resource name: <release>-<chart>, or the release name alone when it already
contains the chart name. Kept to 40 characters so that the longest derived name (the headless
Service, "<prefix>-server-headless") stays a valid DNS label.
*/}}
{{- define "nomad-agent.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "nomad-agent.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every resource. */}}
{{- define "nomad-agent.labels" -}}
app.kubernetes.io/name: {{ include "nomad-agent.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{ include "nomad-agent.releaseLabels" . }}
{{- end -}}

{{/* The labels that say which chart and version made a resource. */}}
{{- define "nomad-agent.releaseLabels" -}}
helm.sh/chart: {{ include "nomad-agent.chart" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one component; call with (dict "root" $ "component" "server"). */}}
{{- define "nomad-agent.selectorLabels" -}}
app.kubernetes.io/name: {{ include "nomad-agent.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "nomad-agent.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "nomad-agent.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "nomad-agent.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "nomad-agent.serverName" -}}
{{- printf "%s-server" (include "nomad-agent.fullname" .) -}}
{{- end -}}

{{- define "nomad-agent.serverHeadlessName" -}}
{{- printf "%s-server-headless" (include "nomad-agent.fullname" .) -}}
{{- end -}}

{{/*
The addresses of the server pods at one port, as an HCL list of strings; call with
(dict "root" $ "port" .Values.ports.serf). Each is the pod's stable DNS name:
<statefulset>-<i>.<headless service>.<namespace>.svc.<cluster domain>:<port>.
*/}}
{{- define "nomad-agent.serverAddresses" -}}
{{- $root := .root -}}
{{- $sts := include "nomad-agent.serverName" $root -}}
{{- $headless := include "nomad-agent.serverHeadlessName" $root -}}
{{- $addresses := list -}}
{{- range $i := until (int $root.Values.server.replicas) -}}
{{- $addresses = append $addresses (printf "%s-%d.%s.%s.svc.%s:%d" $sts $i $headless $root.Release.Namespace $root.Values.clusterDomain (int $.port)) -}}
{{- end -}}
{{- toJson $addresses | replace "\",\"" "\", \"" -}}
{{- end -}}

{{/*
The agent configuration both components share: 00-agent.hcl. Strings are quoted with Go's
quoting, whose escapes HCL v1 reads the same way.
*/}}
{{- define "nomad-agent.commonConfig" -}}
# Rendered by the {{ include "nomad-agent.chart" . }} chart from its values. Anything set in
# 90-extra.hcl (the extraConfig value) is merged over this file, by Nomad's merge rules.
region     = {{ .Values.region | quote }}
datacenter = {{ .Values.datacenter | quote }}
log_level  = {{ .Values.logLevel | quote }}

# Serve on the pod's interfaces; with no advertise block the agent advertises the pod's IP.
bind_addr = "0.0.0.0"
data_dir  = "/var/lib/nomad"

ports {
  http = {{ int .Values.ports.http }}
  rpc  = {{ int .Values.ports.rpc }}
  serf = {{ int .Values.ports.serf }}
}
{{- if .Values.tls.enabled }}

tls {
  http                   = {{ .Values.tls.http }}
  rpc                    = {{ .Values.tls.rpc }}
  ca_file                = {{ printf "%s/ca.crt" .Values.tls.mountPath | quote }}
  cert_file              = {{ printf "%s/tls.crt" .Values.tls.mountPath | quote }}
  key_file               = {{ printf "%s/tls.key" .Values.tls.mountPath | quote }}
  verify_server_hostname = {{ .Values.tls.verifyServerHostname }}
}
{{- end }}

consul {
{{- if .Values.consul.enabled }}
  {{- with .Values.consul.address }}
  address             = {{ . | quote }}
  {{- end }}
  ssl                 = {{ .Values.consul.ssl }}
  verify_ssl          = {{ .Values.consul.verifySsl }}
  server_service_name = {{ .Values.consul.serverServiceName | quote }}
  client_service_name = {{ .Values.consul.clientServiceName | quote }}
  auto_advertise      = true
  server_auto_join    = true
  client_auto_join    = true
{{- else }}
  # consul.enabled is false: no service registration, no discovery through Consul.
  auto_advertise   = false
  server_auto_join = false
  client_auto_join = false
{{- end }}
}
{{- if .Values.vault.enabled }}

vault {
  enabled               = true
  address               = {{ .Values.vault.address | quote }}
  allow_unauthenticated = {{ .Values.vault.allowUnauthenticated }}
  {{- with .Values.vault.taskTokenTtl }}
  task_token_ttl        = {{ . | quote }}
  {{- end }}
  {{- with .Values.vault.tlsCaFile }}
  tls_ca_file           = {{ . | quote }}
  {{- end }}
  {{- with .Values.vault.tlsServerName }}
  tls_server_name       = {{ . | quote }}
  {{- end }}
  tls_skip_verify       = {{ .Values.vault.tlsSkipVerify }}
  # The token is not written here: servers read it from VAULT_TOKEN, set from a Secret.
}
{{- end }}
{{- end -}}

{{/* The HTTP scheme of the probes: HTTPS when the agent serves its API over TLS. */}}
{{- define "nomad-agent.probeScheme" -}}
{{- if and .Values.tls.enabled .Values.tls.http -}}HTTPS{{- else -}}HTTP{{- end -}}
{{- end -}}

{{/*
The probes of the agent container, on the actuator endpoints. The port is a number, not the
port's name: some runtimes (podman kube play 4.x) do not resolve named probe ports.
*/}}
{{- define "nomad-agent.probes" -}}
{{- $scheme := include "nomad-agent.probeScheme" . -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: {{ int .Values.ports.http }}
    scheme: {{ $scheme }}
  periodSeconds: {{ .Values.probes.startup.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.startup.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.startup.failureThreshold }}
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: {{ int .Values.ports.http }}
    scheme: {{ $scheme }}
  periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: {{ int .Values.ports.http }}
    scheme: {{ $scheme }}
  periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
  timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
  failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
{{- end -}}

{{/* The agent container's ports. */}}
{{- define "nomad-agent.containerPorts" -}}
- name: http
  containerPort: {{ int .Values.ports.http }}
  protocol: TCP
- name: rpc
  containerPort: {{ int .Values.ports.rpc }}
  protocol: TCP
- name: serf
  containerPort: {{ int .Values.ports.serf }}
  protocol: TCP
- name: serf-udp
  containerPort: {{ int .Values.ports.serf }}
  protocol: UDP
{{- end -}}

{{/*
Environment variables of the agent container; call with (dict "root" $ "component" .Values.server
"vaultToken" true). The tokens come from Secrets, never from the ConfigMap.
*/}}
{{- define "nomad-agent.env" -}}
{{- $root := .root -}}
{{- if and .vaultToken $root.Values.vault.enabled }}
- name: VAULT_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ required "vault.tokenSecret.name is required when vault.enabled is true: servers read their Vault token from that Secret" $root.Values.vault.tokenSecret.name }}
      key: {{ $root.Values.vault.tokenSecret.key }}
{{- end }}
{{- if and $root.Values.consul.enabled $root.Values.consul.tokenSecret.name }}
- name: CONSUL_HTTP_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.consul.tokenSecret.name }}
      key: {{ $root.Values.consul.tokenSecret.key }}
{{- end }}
{{- range $name, $value := .component.extraEnvironmentVars }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* Volume mounts shared by both components; call with (dict "root" $ "component" .Values.server). */}}
{{- define "nomad-agent.volumeMounts" -}}
- name: config
  mountPath: /etc/nomad.d
  readOnly: true
- name: data
  mountPath: /var/lib/nomad
- name: tmp
  mountPath: /tmp
{{- if .root.Values.tls.enabled }}
- name: tls
  mountPath: {{ .root.Values.tls.mountPath }}
  readOnly: true
{{- end }}
{{- range .component.extraVolumes }}
- name: extra-{{ .name }}
  mountPath: {{ .path }}
  readOnly: true
{{- end }}
{{- end -}}

{{/* Volumes shared by both components (the data volume is the component's own). */}}
{{- define "nomad-agent.volumes" -}}
- name: config
  configMap:
    name: {{ .configMap }}
- name: tmp
  emptyDir: {}
{{- if .root.Values.tls.enabled }}
- name: tls
  secret:
    secretName: {{ required "tls.secretName is required when tls.enabled is true" .root.Values.tls.secretName }}
{{- end }}
{{- range .component.extraVolumes }}
- name: extra-{{ .name }}
  {{- if eq .type "configMap" }}
  configMap:
    name: {{ .name }}
  {{- else }}
  secret:
    secretName: {{ .name }}
  {{- end }}
{{- end }}
{{- end -}}
