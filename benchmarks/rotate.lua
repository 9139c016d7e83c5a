-- wrk: cycle through the request paths listed in a file, one a line, so no cache sees a repeat.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
end

function request()
  counter = counter % #paths + 1
  return wrk.format(nil, paths[counter])
end
