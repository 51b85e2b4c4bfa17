# CallbackCloser. A JDK 17+ is the only prerequisite: ./mvnw fetches Maven, Maven fetches the rest.
MVN ?= ./mvnw
MVN_FLAGS ?= -B -ntp
JAR := callbackcloser-api/target/callbackcloser.jar
CONFIG ?= config.yml
SOURCES := $(shell find callbackcloser-*/src -type f 2>/dev/null) $(wildcard pom.xml callbackcloser-*/pom.xml)

.PHONY: build run migrate test e2e lint format restore-drill bench bench-inbox chaos clean

## build: the runnable fat jar (callbackcloser-api/target/callbackcloser.jar)
build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) $(MVN_FLAGS) -DskipTests package

## run: migrate the database, then serve on $$PORT (8080) / $$ADMIN_PORT (8081).
##      Without DATABASE_URL an embedded PostgreSQL keeps its data in .data/postgres.
run: $(JAR)
	java -jar $(JAR) db migrate $(CONFIG)
	java -jar $(JAR) server $(CONFIG)

## migrate: apply the Liquibase changelog (MIGRATION_DATABASE_URL, else DATABASE_URL, else embedded)
migrate: $(JAR)
	java -jar $(JAR) db migrate $(CONFIG)

## test: every test (unit and integration, on embedded PostgreSQL and a local Twilio fake)
test:
	$(MVN) $(MVN_FLAGS) verify

## e2e: the dashboard's browser tests in Debian's chromium + chromium-driver (apt-get install -y chromium
##      chromium-driver), against the fat jar on loopback; screenshots in callbackcloser-api/target/e2e/
e2e:
	$(MVN) $(MVN_FLAGS) -Pe2e -DskipTests verify -pl callbackcloser-api -am

## restore-drill: dump the database with pg_dump, restore it into a scratch database, start the service on
##      the copy and check every table's row count (docs/BACKUP_RESTORE.md). Needs pg_dump/pg_restore.
restore-drill: $(JAR)
	java -jar $(JAR) restore-drill $(CONFIG)

## bench: the load benchmark (docs/PERFORMANCE.md): the fat jar against a Twilio fake and a PostgreSQL of its own,
##      next to the HTTP and database bounds measured in the same run. BENCH_SECONDS per point (10).
BENCH_SECONDS ?= 10
bench:
	$(MVN) $(MVN_FLAGS) -Pharness -DskipTests -Dharness.args=$(BENCH_SECONDS) verify -pl callbackcloser-api -am

## bench-inbox: only the dashboard's part of the bench: the inbox of a business with 100,000 leads (first page,
##      a later page, searches: p50/p95/p99) and the page's weight with its assets over the wire (gzip)
bench-inbox:
	$(MVN) $(MVN_FLAGS) -Pharness -DskipTests -Dharness.main=com.callbackcloser.api.bench.InboxBench verify -pl callbackcloser-api -am

## chaos: fault injection (docs/RELIABILITY.md): PostgreSQL outage, failing Twilio, kill -9, two instances;
##      a verdict per scenario, non-zero exit if any fails.
chaos:
	$(MVN) $(MVN_FLAGS) -Pharness -DskipTests -Dharness.main=com.callbackcloser.api.bench.ChaosMain verify -pl callbackcloser-api -am

## lint: formatting (palantir-java-format through Spotless) and Error Prone; warnings fail the build
lint:
	$(MVN) $(MVN_FLAGS) -Plint clean test-compile

## format: rewrite the sources the way lint wants them
format:
	$(MVN) $(MVN_FLAGS) spotless:apply

clean:
	$(MVN) $(MVN_FLAGS) clean
