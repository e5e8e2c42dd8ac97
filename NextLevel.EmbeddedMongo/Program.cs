// Entry point: owned by the Wire part (command line: --port, --dbpath, --bind).
return 1;
