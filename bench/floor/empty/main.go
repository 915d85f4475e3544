// Command empty does nothing: its run time is what starting any Go program
// costs on the machine, the floor under every figure bench/vale.sh prints
// for one draft.
package main

func main() {}
