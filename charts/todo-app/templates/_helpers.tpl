{{/*
Expand the name of the chart.
*/}}
{{- define "todo-app.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
A default fully qualified name for the chart's own resources (Secrets, ConfigMap, Job,
PostgreSQL). Truncated at 63 characters, the limit of DNS names. The Knative Services are not
named by it: they are plainly todo, mcp, chat and web.
*/}}
{{- define "todo-app.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version as used by the chart label.
*/}}
{{- define "todo-app.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "todo-app.labels" -}}
helm.sh/chart: {{ include "todo-app.chart" . }}
{{ include "todo-app.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: todo-app
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "todo-app.selectorLabels" -}}
app.kubernetes.io/name: {{ include "todo-app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels of one component. Call with (dict "root" $ "component" "todo").
*/}}
{{- define "todo-app.componentLabels" -}}
{{ include "todo-app.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Selector labels of one component. Call with (dict "root" $ "component" "postgresql").
*/}}
{{- define "todo-app.componentSelectorLabels" -}}
{{ include "todo-app.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
The image of one service: [image.registry/]repository:tag, the tag falling back to image.tag
and then to the chart's appVersion. Call with (dict "root" $ "image" .Values.todo.image).
*/}}
{{- define "todo-app.image" -}}
{{- $tag := .image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- with .root.Values.image.registry }}{{ . }}/{{ end }}{{ .image.repository }}:{{ $tag }}
{{- end }}

{{/*
The restricted container securityContext (Pod Security Standards "restricted"), the only
securityContext a Knative Service may carry without feature flags.
*/}}
{{- define "todo-app.containerSecurityContext" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
The cluster-local URL of a Knative Service in this namespace. Call with (dict "root" $
"name" "mcp").
*/}}
{{- define "todo-app.clusterLocalUrl" -}}
http://{{ .name }}.{{ .root.Release.Namespace }}.svc.cluster.local
{{- end }}

{{/*
The URL of a Knative Service as a client sees it: through Kourier on the cluster's domain, or
cluster-local. Call with (dict "root" $ "name" "todo").
*/}}
{{- define "todo-app.publicUrl" -}}
{{- $svc := index .root.Values .name }}
{{- if eq $svc.visibility "cluster-local" }}
{{- include "todo-app.clusterLocalUrl" . }}
{{- else }}
{{- printf "http://%s.%s.%s" .name .root.Release.Namespace .root.Values.knative.domain }}
{{- end }}
{{- end }}

{{- define "todo-app.configMapName" -}}
{{ include "todo-app.fullname" . }}-config
{{- end }}

{{- define "todo-app.jwtSecretName" -}}
{{- .Values.jwt.existingSecret | default (printf "%s-jwt" (include "todo-app.fullname" .)) }}
{{- end }}

{{- define "todo-app.databaseSecretName" -}}
{{- .Values.database.existingSecret | default (printf "%s-database" (include "todo-app.fullname" .)) }}
{{- end }}

{{- define "todo-app.openaiSecretName" -}}
{{- .Values.openai.existingSecret | default (printf "%s-openai" (include "todo-app.fullname" .)) }}
{{- end }}

{{- define "todo-app.postgresql.fullname" -}}
{{ include "todo-app.fullname" . }}-postgresql
{{- end }}

{{- define "todo-app.postgresql.secretName" -}}
{{- .Values.postgresql.auth.existingSecret | default (include "todo-app.postgresql.fullname" .) }}
{{- end }}

{{/*
"true" when the database comes from a URL (database.url or database.existingSecret), empty
when the in-cluster PostgreSQL serves it.
*/}}
{{- define "todo-app.database.external" -}}
{{- if or .Values.database.url .Values.database.existingSecret }}true{{ end }}
{{- end }}

{{/*
"true" when the in-cluster PostgreSQL is deployed. Fails when there is no database at all.
*/}}
{{- define "todo-app.postgresql.deployed" -}}
{{- if not (include "todo-app.database.external" .) }}
{{- if not .Values.postgresql.enabled }}
{{- fail "no database: set database.url, database.existingSecret or postgresql.enabled" }}
{{- end }}
{{- true }}
{{- end }}
{{- end }}

{{/*
"true" when chat gets an OpenAI API key.
*/}}
{{- define "todo-app.openai.enabled" -}}
{{- if or .Values.openai.apiKey .Values.openai.existingSecret }}true{{ end }}
{{- end }}

{{/*
The host name of the in-cluster PostgreSQL.
*/}}
{{- define "todo-app.postgresql.host" -}}
{{ include "todo-app.postgresql.fullname" . }}.{{ .Release.Namespace }}.svc.cluster.local
{{- end }}

{{/*
DB_PASSWORD from the PostgreSQL Secret.
*/}}
{{- define "todo-app.postgresql.passwordEnv" -}}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "todo-app.postgresql.secretName" . }}
      key: {{ if .Values.postgresql.auth.existingSecret }}{{ .Values.postgresql.auth.existingSecretKey }}{{ else }}password{{ end }}
{{- end }}

{{/*
The environment that connects a container to the database: DATABASE_URL from a Secret, or
DB_HOST/DB_PORT/DB_NAME/DB_USER from the ConfigMap and DB_PASSWORD from the PostgreSQL Secret.
*/}}
{{- define "todo-app.databaseEnv" -}}
{{- if include "todo-app.database.external" . }}
{{- include "todo-app.databaseUrlEnv" . }}
{{- else if include "todo-app.postgresql.deployed" . }}
{{- range list "DB_HOST" "DB_PORT" "DB_NAME" "DB_USER" }}
- name: {{ . }}
  valueFrom:
    configMapKeyRef:
      name: {{ include "todo-app.configMapName" $ }}
      key: {{ . }}
{{- end }}
{{ include "todo-app.postgresql.passwordEnv" . }}
{{- end }}
{{- end }}

{{/*
The database environment of the migration Job. A pre-upgrade hook runs before the upgrade
applies the release's resources, so the Job reads nothing that the upgrade may only be about
to create: the Secrets it reads are hooks themselves, made before it (hook-weight -5), or
Secrets of the user's own; the in-cluster PostgreSQL's address is given as plain values.
*/}}
{{- define "todo-app.migrationDatabaseEnv" -}}
{{- if include "todo-app.database.external" . }}
{{- include "todo-app.databaseUrlEnv" . }}
{{- else if include "todo-app.postgresql.deployed" . }}
- name: DB_HOST
  value: {{ include "todo-app.postgresql.host" . | quote }}
- name: DB_PORT
  value: "5432"
- name: DB_NAME
  value: {{ .Values.postgresql.auth.database | quote }}
- name: DB_USER
  value: {{ .Values.postgresql.auth.username | quote }}
{{ include "todo-app.postgresql.passwordEnv" . }}
{{- end }}
{{- end }}

{{/*
DATABASE_URL from the chart's database Secret or database.existingSecret.
*/}}
{{- define "todo-app.databaseUrlEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "todo-app.databaseSecretName" . }}
      key: {{ if .Values.database.existingSecret }}{{ .Values.database.existingSecretKey }}{{ else }}DATABASE_URL{{ end }}
{{- end }}

{{/*
The annotations that make a Secret a hook created before the migration Job, on install and
on every upgrade: Helm runs pre-upgrade hooks before it applies the release's own resources,
and the Job needs its Secrets then. Helm does not delete hook resources on uninstall. Kept:
in releases of earlier versions of this chart these Secrets were release resources, and Helm
deletes what leaves the release after an upgrade unless it is kept.
*/}}
{{- define "todo-app.beforeMigrationHook" -}}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: "-5"
helm.sh/hook-delete-policy: before-hook-creation
helm.sh/resource-policy: keep
{{- end }}

{{/*
A checksum of the chart's own Secrets that a service reads, for its revision template: a
changed Secret (such as a new OpenAI key) rolls out a new revision, as a changed ConfigMap
does. Secrets of the user's own (existingSecret) are not the chart's to read. Call with
(dict "root" $ "templates" (list "secret-jwt.yaml" ...)).
*/}}
{{- define "todo-app.secretsChecksum" -}}
{{- $root := .root }}
{{- $rendered := list }}
{{- range .templates }}
{{- $rendered = append $rendered (include (print $root.Template.BasePath "/" .) $root) }}
{{- end }}
{{- join "\n---\n" $rendered | sha256sum }}
{{- end }}

{{/*
JWT_SECRET, shared by todo, mcp and chat.
*/}}
{{- define "todo-app.jwtEnv" -}}
- name: JWT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "todo-app.jwtSecretName" . }}
      key: {{ if .Values.jwt.existingSecret }}{{ .Values.jwt.existingSecretKey }}{{ else }}JWT_SECRET{{ end }}
{{- end }}

{{/*
An environment variable from the chart's ConfigMap. Call with (dict "root" $ "name" "MCP_URL"
"key" "CHAT_MCP_URL").
*/}}
{{- define "todo-app.configEnv" -}}
- name: {{ .name }}
  valueFrom:
    configMapKeyRef:
      name: {{ include "todo-app.configMapName" .root }}
      key: {{ .key | default .name }}
{{- end }}

{{/*
A value kept across upgrades: the given value, else the one already stored under key
in the named Secret, else a new random one. Call with (dict "root" $ "value" "" "secret" name
"key" "JWT_SECRET" "length" 48).
*/}}
{{- define "todo-app.keptSecretValue" -}}
{{- if .value }}
{{- .value }}
{{- else }}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace .secret }}
{{- if and $existing $existing.data (hasKey $existing.data .key) }}
{{- index $existing.data .key | b64dec }}
{{- else }}
{{- randAlphaNum (int .length) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The subscriptions of the reminders function, from files/subscriptions.yaml (the one list, which
devstack reads too), as a YAML list. Fails on an entry without name, type or path.
*/}}
{{- define "todo-app.subscriptions" -}}
{{- $file := .Files.Get "files/subscriptions.yaml" | fromYaml }}
{{- if not $file.subscriptions }}
{{- fail "files/subscriptions.yaml lists no subscriptions" }}
{{- end }}
{{- range $file.subscriptions }}
{{- if not (and .name .type .path) }}
{{- fail (printf "files/subscriptions.yaml: every subscription needs name, type and path: %v" .) }}
{{- end }}
{{- end }}
{{- toYaml $file.subscriptions }}
{{- end }}

{{/*
The delivery of every Trigger: retries with exponential backoff, then the reminders function's
dead-letter route, which keeps the event with Knative's knativeerrordest/knativeerrorcode/
knativeerrordata extensions for an operator to see.
*/}}
{{- define "todo-app.delivery" -}}
retry: {{ .Values.eventing.delivery.retry }}
backoffPolicy: exponential
backoffDelay: {{ .Values.eventing.delivery.backoffDelay | quote }}
deadLetterSink:
  ref:
    apiVersion: serving.knative.dev/v1
    kind: Service
    name: reminders
  uri: /deadLetter
{{- end }}

{{- define "todo-app.remindersServiceAccount" -}}
{{ include "todo-app.fullname" . }}-reminders
{{- end }}
