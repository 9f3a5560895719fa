-- wrk script: each request picks the next (token, method, path, body) from tables the runner
-- writes into the generated copy of this file, so every request is authenticated like a real
-- client (X-Auth-Token from POST /api/v1/auth/login) and requests vary over the data.
local requests = {} -- filled by the runner: { {token, method, path, body}, ... }
--REQUESTS--
local counter = 0
local thread_offset = 0

function setup(thread)
  thread:set("thread_offset", thread_offset)
  thread_offset = thread_offset + 7919
end

function init(args)
  counter = tonumber(thread_offset) or 0
end

function request()
  counter = counter + 1
  local r = requests[(counter % #requests) + 1]
  local headers = { ["X-Auth-Token"] = r[1], ["Accept"] = "application/json" }
  if r[4] ~= nil and r[4] ~= "" then
    headers["Content-Type"] = "application/json"
  end
  return wrk.format(r[2], r[3], headers, r[4])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\nRESULT {"requests":%d,"duration_us":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
