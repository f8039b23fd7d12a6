-- Newer-wins write of one cached key, atomic on the server.
-- KEYS[1]: the cached key; KEYS[2]: its version marker.
-- ARGV[1]: 'set', 'hset' or 'del'; ARGV[2]: the record's version, '' for a tombstone without one;
-- ARGV[3]: the expiry, 0 for none; ARGV[4]: its unit, 'PX' (a TTL in ms) or 'PXAT' (epoch ms, Redis 6.2+);
-- ARGV[5]: how long the marker outlives a deleted key, in ms;
-- ARGV[6]: the value ('set'), or ARGV[6..]: field, value, ... ('hset').
-- Returns 1 when written, 2 when deleted, 0 when skipped because the stored version is newer.
local current = redis.call('GET', KEYS[2])
local version = ARGV[2]
if version ~= '' and current and tonumber(version) < tonumber(current) then
  return 0
end
if ARGV[1] == 'del' then
  redis.call('DEL', KEYS[1])
  if version ~= '' then
    redis.call('SET', KEYS[2], version, 'PX', ARGV[5])
  elseif current then
    redis.call('PEXPIRE', KEYS[2], ARGV[5])
  end
  return 2
end
local ttl = tonumber(ARGV[3])
local unit = ARGV[4]
if ARGV[1] == 'set' then
  if ttl > 0 then
    redis.call('SET', KEYS[1], ARGV[6], unit, ttl)
  else
    redis.call('SET', KEYS[1], ARGV[6])
  end
else
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], unpack(ARGV, 6))
  if ttl > 0 then
    redis.call(unit == 'PXAT' and 'PEXPIREAT' or 'PEXPIRE', KEYS[1], ttl)
  end
end
if ttl > 0 then
  redis.call('SET', KEYS[2], version, unit, ttl)
else
  redis.call('SET', KEYS[2], version)
end
return 1
