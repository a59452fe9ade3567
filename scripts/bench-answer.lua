-- wrk script: POSTs «Понимаю» answers to one theory card, each with a fresh
-- client id, as one learner (the cookie given in COOKIE). See scripts/bench.sh.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["Cookie"] = os.getenv("COOKIE") or ""
-- A browser's same-origin post: Grader refuses cookie posts from other origins.
wrk.headers["Origin"] = os.getenv("ORIGIN") or ""
local theory = os.getenv("THEORY_ID")
local counter = 0

local function uuid()
  counter = counter + 1
  return string.format("%08x-%04x-4%03x-8%03x-%012x",
    math.random(0, 0xffffffff), math.random(0, 0xffff), math.random(0, 0xfff),
    math.random(0, 0xfff), (counter * 7919 + math.random(0, 0xffffff)) % 0xffffffffffff)
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local body = "kind=theory&exercise_id=" .. theory .. "&client_id=" .. uuid() .. "&understood=yes"
  return wrk.format(nil, nil, nil, body)
end
