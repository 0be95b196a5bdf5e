resource "aws_mwaa_environment" "airflow" {
  name               = "airflow"
  dag_s3_path        = "dags/"
  execution_role_arn = aws_iam_role.mwaa.arn
  source_bucket_arn  = aws_s3_bucket.dags.arn

  logging_configuration {
    scheduler_logs {
      enabled   = true
      log_level = "WARNING"
    }
    worker_logs {
      enabled = true

      log_level = "INFO"
    }

    webserver_logs {
      enabled   = true
      log_level = "INFO"
    }
  }

  network_configuration {
    security_group_ids = [aws_security_group.mwaa.id]
    subnet_ids         = aws_subnet.private[*].id
  }
}
