/* scratch volume for the batch job */
resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1b"   # same AZ as the job
  size = 500
  type = "gp3"
  encrypted = false # perf test
}
