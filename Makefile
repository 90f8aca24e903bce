# ZodiaCore: two commands. `make run` starts everything; `make test` proves it.
# Both install what is missing first and are safe to run again.

CONFIGURATION ?= Release
APT_PACKAGES := redis-server libswe2.0 libswe-dev swe-standard-data swetest prometheus \
	prometheus-alertmanager gettext-base python3-yaml wrk chromium
DOTNET := dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: run test prerequisites build publish unit-tests monitoring-checks clean

run: prerequisites build
	$(DOTNET) run --project AppHost -c $(CONFIGURATION) --no-build --launch-profile http

test: prerequisites build
	@bash build/run-tests.sh $(CONFIGURATION)

prerequisites:
	@bash build/install-prerequisites.sh $(APT_PACKAGES)

build:
	$(DOTNET) build ZodiaCore.sln -c $(CONFIGURATION) -nologo -clp:ErrorsOnly

# Deployable outputs, one folder per service under $(PUBLISH_DIR): framework-dependent and portable (the host or base
# image provides the ASP.NET Core 10 runtime). See README "Deploying".
PUBLISH_DIR ?= artifacts/publish
SERVICES := ChartService IdentityService InterpretationService Gateway

publish:
	@for service in $(SERVICES); do \
		$(DOTNET) publish $$service -c Release -o $(PUBLISH_DIR)/$$service -nologo -clp:ErrorsOnly || exit 1; \
	done
	@echo "published $(SERVICES) to $(PUBLISH_DIR)"

clean:
	$(DOTNET) clean ZodiaCore.sln -c $(CONFIGURATION) -nologo -v q
