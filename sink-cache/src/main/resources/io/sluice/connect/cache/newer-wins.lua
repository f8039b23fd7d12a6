-- Newer-wins write of one cached key, atomic on the server.
-- KEYS[1]: the cached key; KEYS[2]: its version marker.
-- ARGV[1]: 'set', 'hset' or 'del'; ARGV[2]: the record's version, '' for a tombstone without one;
-- ARGV[3]: TTL in ms, 0 for none; ARGV[4]: how long the marker outlives a deleted key, in ms;
-- ARGV[5]: the value ('set'), or ARGV[5..]: field, value, ... ('hset').
-- Returns 1 when written, 2 when deleted, 0 when skipped because the stored version is newer.
local current = redis.call('GET', KEYS[2])
local version = ARGV[2]
if version ~= '' and current and tonumber(version) < tonumber(current) then
  return 0
end
if ARGV[1] == 'del' then
  redis.call('DEL', KEYS[1])
  if version ~= '' then
    redis.call('SET', KEYS[2], version, 'PX', ARGV[4])
  elseif current then
    redis.call('PEXPIRE', KEYS[2], ARGV[4])
  end
  return 2
end
local ttl = tonumber(ARGV[3])
if ARGV[1] == 'set' then
  if ttl > 0 then
    redis.call('SET', KEYS[1], ARGV[5], 'PX', ttl)
  else
    redis.call('SET', KEYS[1], ARGV[5])
  end
else
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], unpack(ARGV, 5))
  if ttl > 0 then
    redis.call('PEXPIRE', KEYS[1], ttl)
  end
end
if ttl > 0 then
  redis.call('SET', KEYS[2], version, 'PX', ttl)
else
  redis.call('SET', KEYS[2], version)
end
return 1
