# Thin wrapper over meson: the two commands of the README's Quick start.
#   make demo   build, create demo.db from examples/ and nutrition-data/, print
#               one school week and the nutrients of one dish, the demo
#               collège's EGALIM figures and the audit of the demo département
#               (also written as an HTML page), the next week's forecast of
#               covers and the production sheet from it, the tariff grid,
#               the first term's bills (totals, and the families'
#               statements written as an HTML page), then serves the web
#               pages with lighttpd on 127.0.0.1 until Ctrl-C
#               (tools/demo-web.sh; DEMO_WEB=non to skip)
#   make test   plain build + tests, valgrind on the CLI tests, sanitizer build + tests
# Both install the Debian packages they need when they are missing (as root).

BUILD      ?= build
BUILD_SAN  ?= build-san
DEMO_DB    ?= demo.db
DEMO_DATE  ?= 2026-11-23
DEMO_UAI   ?= 0595871L
DEMO_FROM  ?= 2026-09-07
DEMO_TO    ?= 2026-11-27
DEMO_AUDIT ?= audit-59-2026.html
DEMO_FORECAST ?= 2026-11-20
DEMO_BILLS ?= releves-2026-2027-T1.html
DEMO_PORT  ?= 8080
# DEMO_WEB=non: do not serve the web pages at the end of make demo.
DEMO_WEB   ?= oui
MESON_OPTS ?= --buildtype=debugoptimized

# Debian 12 packages the build and the tests need.
DEB_PKGS = gcc make pkg-config meson ninja-build libsqlite3-dev libxml2-dev \
           libpcre2-dev libcmocka-dev sqlite3 valgrind strace python3 python3-icalendar \
           lighttpd chromium wrk
# Node.js and npm run the browser tests (tests/web/package-lock.json); Debian's
# are installed only when the machine has none.
NODE_PKGS = nodejs npm

.PHONY: all deps build demo test test-plain test-valgrind test-san bench clean

all: build

deps:
	@sh tools/install-deps.sh $(DEB_PKGS)
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || sh tools/install-deps.sh $(NODE_PKGS)

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(MESON_OPTS)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

demo: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) init
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import-ciqual nutrition-data/Table_Ciqual_2025_FR_2025_11_03.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import etablissements examples/etablissements.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import etablissements examples/departement/etablissements.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import produits examples/produits.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import recettes examples/recettes.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import menus examples/menus.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import menus examples/departement/menus.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) purchase import examples/achats.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) purchase import examples/departement/achats.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import inscriptions examples/inscriptions.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import presences examples/presences.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import absences examples/absences.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import repas examples/repas.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) user add comite-louise-michel --role comite --etab $(DEMO_UAI)
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) user add gestion-louise-michel --role gestionnaire --etab $(DEMO_UAI)
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) user add departement-59 --role departement --departement 59
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) user add comite-emile-zola --role comite --etab 0622413L
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import tarifs examples/tarifs-nord.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) import tarifs examples/tarifs-pas-de-calais.csv
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) week --etab $(DEMO_UAI) --date $(DEMO_DATE)
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) check week --tout --etab $(DEMO_UAI) --date $(DEMO_DATE)
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) allergens --etab $(DEMO_UAI) --date $(DEMO_DATE)
	@echo; echo "== Prévision des couverts de la semaine, puis la fiche de production qui la prend =="
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) forecast --etab $(DEMO_UAI) --date $(DEMO_FORECAST)
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) production --etab $(DEMO_UAI) --date $(DEMO_DATE)
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) dish show "Hachis parmentier"
	@echo; echo "== Fréquences GEMRCN des 10 semaines de menus (exit 1 : une règle n'est pas respectée) =="
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) check period --etab $(DEMO_UAI) --from $(DEMO_FROM) --to $(DEMO_TO) | grep -v '^attention   core.food-cost'; test $$? -le 1
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) scores --etab $(DEMO_UAI) --date $(DEMO_DATE)
	@echo; echo "== Objectifs EGALIM des achats de 2026 (exit 1 : un objectif n'est pas atteint) =="
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) egalim --etab $(DEMO_UAI) --annee 2026 --tout; test $$? -le 1
	@echo; echo "== Grille tarifaire 2026-2027 du collège, et ce que paie une famille (revenu fiscal 11 000 €, 2 enfants) =="
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) tariff show --etab $(DEMO_UAI) --annee 2026-2027
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) tariff price --etab $(DEMO_UAI) --annee 2026-2027 --rfr 11000 --enfants 2
	@echo; echo "== Factures du premier trimestre 2026-2027 : totaux par financeur, puis une famille dont l'enfant a été malade une semaine =="
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) bill --trimestre 1 --annee 2026-2027 --etab $(DEMO_UAI)
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) bill --trimestre 1 --annee 2026-2027 --etab $(DEMO_UAI) --eleve E2026-0005
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) bill --trimestre 1 --annee 2026-2027 --etab $(DEMO_UAI) --format html > $(DEMO_BILLS)
	@echo; echo "== Audit EGALIM 2026 des collèges du Nord (exit 1 : un collège n'atteint pas ses objectifs) =="
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) audit --annee 2026 --departement 59 --tri bio; test $$? -le 1
	$(BUILD)/frontends/cli/cantine --db $(DEMO_DB) audit --annee 2026 --departement 59 --format html > $(DEMO_AUDIT); test $$? -le 1
	@echo; echo "Audit HTML avec ses graphiques : $(CURDIR)/$(DEMO_AUDIT)"
	@echo "Relevés imprimables des familles, un par page : $(CURDIR)/$(DEMO_BILLS)"
ifneq ($(DEMO_WEB),non)
	@sh tools/demo-web.sh $(DEMO_DB) $(BUILD) $(DEMO_PORT)
endif

test: build
	meson test -C $(BUILD) --print-errorlogs --no-suite bench
	meson test -C $(BUILD) --print-errorlogs --setup valgrind --suite cli
	@test -f $(BUILD_SAN)/build.ninja || meson setup $(BUILD_SAN) $(MESON_OPTS) -Db_sanitize=address,undefined -Db_lundef=false
	meson compile -C $(BUILD_SAN)
	meson test -C $(BUILD_SAN) --print-errorlogs --no-suite bench
	@echo "make test: plain, valgrind and sanitizer runs all passed"

bench: build
	meson test -C $(BUILD) --suite bench --verbose

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_AUDIT) $(DEMO_BILLS)
