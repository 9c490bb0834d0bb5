# The daily report over a generated order log of 1,000,000 orders (target <= 50 ms); the full
# run (generation included) takes a minute or two.
paydesk_add_bench(bench_daily_report LIBS paydesk_reports Qt6::Sql
    SMOKE_ARGS --orders 20000 --runs 3 --smoke)

# A store's and a chain's day summaries over 50 terminals (targets <= 50 ms and <= 100 ms at
# 10,000,000 orders); --pg runs it on a throw-away PostgreSQL cluster, the default on SQLite.
paydesk_add_bench(bench_store_report LIBS paydesk_reports Qt6::Sql
    SMOKE_ARGS --orders 20000 --runs 2 --smoke)
target_compile_definitions(bench_store_report PRIVATE PAYDESK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
