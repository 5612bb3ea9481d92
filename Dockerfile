# One image holds every service's runnable jar; each compose service runs its own (SERVICE).
# Build: docker build -t hearken:0.1.0 .
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package \
 && mkdir /jars \
 && for m in intake-email intake-web intake-hotline router desk notifier analytics; do cp $m/target/$m.jar /jars/; done

FROM eclipse-temurin:17-jre-jammy
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 hearken \
 && mkdir -p /data/attachments /data/desk-files /data/hotline/inbox /config /certs && chown -R hearken /data
# /data/attachments, /data/desk-files and /data/hotline are named volumes in docker-compose.yml: they start with this owner.
COPY --from=build /jars/ /app/
USER hearken
WORKDIR /data
# MALLOC_ARENA_MAX=2: glibc keeps up to 8 malloc arenas per core, each holding its freed pages (RocksDB's and the
# JIT's native allocations from many threads); two are enough and keep the resident memory down (docs/operations.md).
ENV SERVICE=intake-web JAVA_OPTS="-XX:MaxRAMPercentage=60" SPRING_PROFILES_ACTIVE=prod MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/$SERVICE.jar"]
