broken {
  a = 1
