{{/*
One Knative Service, shaped by the rules Knative enforces without feature flags: a single
container with a single port (Knative passes it as PORT), probes without a port, autoscaling
annotations on the revision template, the restricted container securityContext and no
pod-level securityContext, init containers or PersistentVolumeClaims. A function's
jvmOptions become JDK_JAVA_OPTIONS, which the java launcher adds after the image's
JAVA_TOOL_OPTIONS, so that an option given there wins.

Call with (dict "root" $ "name" "todo" "env" (include ... ) "livenessPath" "/..."
"readinessPath" "/..." "volumes" bool "checksum" string "secretsChecksum" string
"serviceAccountName" string).
*/}}
{{- define "todo-app.knativeService" -}}
{{- $root := .root }}
{{- $svc := index $root.Values .name }}
apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: {{ .name }}
  labels:
    {{- include "todo-app.componentLabels" (dict "root" $root "component" .name) | nindent 4 }}
    {{- if eq $svc.visibility "cluster-local" }}
    networking.knative.dev/visibility: cluster-local
    {{- end }}
spec:
  template:
    metadata:
      labels:
        {{- include "todo-app.componentLabels" (dict "root" $root "component" .name) | nindent 8 }}
      annotations:
        autoscaling.knative.dev/min-scale: {{ $svc.autoscaling.minScale | quote }}
        autoscaling.knative.dev/max-scale: {{ $svc.autoscaling.maxScale | quote }}
        autoscaling.knative.dev/initial-scale: {{ $svc.autoscaling.initialScale | quote }}
        autoscaling.knative.dev/target: {{ $svc.autoscaling.target | quote }}
        autoscaling.knative.dev/scale-down-delay: {{ $svc.autoscaling.scaleDownDelay | quote }}
        {{- with .checksum }}
        checksum/config: {{ . }}
        {{- end }}
        {{- with .secretsChecksum }}
        checksum/secrets: {{ . }}
        {{- end }}
    spec:
      containerConcurrency: {{ $svc.containerConcurrency }}
      timeoutSeconds: {{ $svc.timeoutSeconds }}
      {{- with .serviceAccountName }}
      serviceAccountName: {{ . }}
      {{- end }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .name }}
          image: {{ include "todo-app.image" (dict "root" $root "image" $svc.image) }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http1
              containerPort: 8080
              protocol: TCP
          {{- if or .env $svc.jvmOptions $svc.env }}
          env:
            {{- with .env }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- with $svc.jvmOptions }}
            - name: JDK_JAVA_OPTIONS
              value: {{ quote . }}
            {{- end }}
            {{- with $svc.env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- end }}
          livenessProbe:
            httpGet:
              path: {{ .livenessPath }}
            {{- toYaml $svc.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet:
              path: {{ .readinessPath }}
            {{- toYaml $svc.probes.readiness | nindent 12 }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          securityContext:
            {{- include "todo-app.containerSecurityContext" $root | nindent 12 }}
          {{- if .volumes }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
          {{- end }}
      {{- if .volumes }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 16Mi
      {{- end }}
{{- end }}
